package io.naaplake.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.Settings;
import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import io.naaplake.scheduler.Chain;
import io.naaplake.scheduler.ChainRequest;
import io.naaplake.scheduler.TriggerKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler's submitted chains, with a stand-in for infra/spark-cluster.sh that records its
 * arguments and environment and exits with a chosen code.
 */
class SubmittedChainRunnerTest {
  private static final ChainRequest RETRY =
      new ChainRequest(
          "hourly",
          TriggerKind.MISFIRE_CATCH_UP,
          Instant.parse("2026-01-08T21:00:00Z"),
          Instant.parse("2026-01-08T21:00:00Z"),
          3);

  @TempDir Path dir;

  @Test
  void submitsTheChainCommandWithTheSchedulersSettingsButNotItsMaster() throws Exception {
    Path script = fakeSubmit(0);
    List<String> said = new ArrayList<>();
    SubmittedChainRunner runner =
        new SubmittedChainRunner(
            submission(script),
            Map.of(
                "naap.lake.root", "/lake",
                "naap.spark.master", "local[2]",
                "naap.cluster.master", "spark://127.0.0.1:7077",
                "user.timezone", "UTC"),
            said::add);

    assertThat(runner.run(RETRY).summary()).contains("submitted hourly chain").contains("finished");

    // The script saw: submit, the forwarded settings, then the chain command the driver reads back.
    List<String> args = Files.readAllLines(dir.resolve("args"));
    assertThat(args)
        .containsExactly(
            "submit",
            "-Dnaap.lake.root=/lake",
            "--",
            "chain",
            "hourly",
            "--trigger",
            "misfire-catch-up",
            "--scheduled-time",
            "2026-01-08T21:00:00Z",
            "--run-time",
            "2026-01-08T21:00:00Z",
            "--attempt",
            "3");
    assertThat(ChainCommand.request(args.subList(3, args.size()).toArray(String[]::new)))
        .isEqualTo(RETRY);
    assertThat(Files.readString(dir.resolve("master")).trim()).isEqualTo("spark://127.0.0.1:7077");
    assertThat(said.get(0)).contains("to spark://127.0.0.1:7077");
  }

  @Test
  void theExitCodeCarriesTheFailureCategory() throws Exception {
    assertThat(failure(ChainExitCodes.RETRIABLE).category()).isEqualTo(ErrorCategory.RETRIABLE);
    assertThat(failure(ChainExitCodes.BAD_DATA).category()).isEqualTo(ErrorCategory.BAD_DATA);
    assertThat(failure(ChainExitCodes.FATAL).category()).isEqualTo(ErrorCategory.FATAL);
    // A JVM killed by SIGKILL (137), or anything unknown: a person must look.
    NaapException killed = failure(137);
    assertThat(killed.category()).isEqualTo(ErrorCategory.FATAL);
    assertThat(killed.code()).isEqualTo("SUBMITTED_CHAIN_FAILED");
    assertThat(killed.getMessage()).contains("exit code 137").contains("2026-01-08T21:00:00Z");
  }

  @Test
  void exitCodesRoundTripEveryCategory() {
    for (ErrorCategory category : ErrorCategory.values()) {
      assertThat(ChainExitCodes.category(ChainExitCodes.of(category))).isEqualTo(category);
    }
    assertThatThrownBy(() -> ChainExitCodes.category(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void chainArgumentsAreValidated() {
    assertThat(ChainCommand.request(ChainCommand.arguments(RETRY).toArray(String[]::new)))
        .isEqualTo(RETRY);
    assertThatThrownBy(() -> ChainCommand.request(new String[] {"chain", "hourly"}))
        .isInstanceOf(IllegalArgumentException.class);
    List<String> swapped = new ArrayList<>(ChainCommand.arguments(RETRY));
    swapped.set(2, "--attempt");
    assertThatThrownBy(() -> ChainCommand.request(swapped.toArray(String[]::new)))
        .hasMessageContaining("--trigger");
    assertThat(ChainCommand.run(new String[] {"chain"}, Settings.of(Map.of())))
        .isEqualTo(ChainCommand.USAGE_ERROR);
  }

  @Test
  void configurationDefaultsAndRules() throws IOException {
    assertThat(ChainSubmission.from(Settings.of(Map.of())))
        .isEqualTo(new ChainSubmission(Optional.empty(), Optional.empty()));
    assertThat(ChainSubmission.from(Settings.of(Map.of())).submitted()).isFalse();
    Path script = fakeSubmit(0);
    ChainSubmission configured =
        ChainSubmission.from(
            Settings.of(
                Map.of(
                    "naap.cluster.master",
                    "spark://h:7077",
                    "naap.cluster.submit-script",
                    script.toString())));
    assertThat(configured.submitted()).isTrue();
    assertThat(configured.submitScript()).contains(script);
    assertThatThrownBy(
            () ->
                ChainSubmission.from(Settings.of(Map.of("naap.cluster.master", "spark://h:7077"))))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.cluster.submit-script");
    assertThatThrownBy(
            () ->
                new ChainSubmission(
                    Optional.of("spark://h:7077"), Optional.of(dir.resolve("missing.sh"))))
        .hasMessageContaining("an existing script");
    assertThat(Chain.byId("hourly")).isEqualTo(Chain.HOURLY);
  }

  private NaapException failure(int exitCode) throws IOException {
    SubmittedChainRunner runner =
        new SubmittedChainRunner(submission(fakeSubmit(exitCode)), Map.of(), line -> {});
    try {
      runner.run(RETRY);
    } catch (NaapException e) {
      return e;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("exit code " + exitCode + " was taken for success");
  }

  private static ChainSubmission submission(Path script) {
    return new ChainSubmission(Optional.of("spark://127.0.0.1:7077"), Optional.of(script));
  }

  /** A submit script that writes its arguments, one per line, and the master, then exits. */
  private Path fakeSubmit(int exitCode) throws IOException {
    Path script = dir.resolve("submit-" + exitCode + ".sh");
    Files.writeString(
        script,
        "printf '%s\\n' \"$@\" > '"
            + dir.resolve("args")
            + "'\necho \"$NAAP_CLUSTER_MASTER\" > '"
            + dir.resolve("master")
            + "'\nexit "
            + exitCode
            + "\n",
        StandardCharsets.UTF_8);
    return script;
  }
}
