package io.naaplake.jobs.schedule;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import io.naaplake.scheduler.ChainRequest;
import io.naaplake.scheduler.ChainResult;
import io.naaplake.scheduler.ChainRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The scheduler's chains on a Spark cluster: each run is the job jar's {@code chain} command
 * submitted with spark-submit (through {@code naap.cluster.submit-script}), so the driver and its
 * executors run on the cluster and the scheduler only waits. The submitted driver runs the same
 * {@link SparkChainRunner} as the embedded scheduler (chain row in ops.job_runs, writer lease,
 * redundant fires skipped), and its exit code carries the failure category back ({@link
 * ChainExitCodes}), so retries work as they do embedded.
 *
 * <p>The scheduler's explicit {@code naap.*} settings are handed to the driver as {@code -D}
 * options (its environment is inherited), except the cluster's own keys and {@code
 * naap.spark.master}: spark-submit sets the master.
 */
public final class SubmittedChainRunner implements ChainRunner {
  private final ChainSubmission submission;
  private final Map<String, String> forwarded;
  private final Consumer<String> progress;

  public SubmittedChainRunner(
      ChainSubmission submission, Map<String, String> settings, Consumer<String> progress) {
    this.submission = requireNonNull(submission, "submission is null");
    if (!submission.submitted()) {
      throw new IllegalArgumentException("no cluster master configured");
    }
    this.forwarded = forwardable(settings);
    this.progress = requireNonNull(progress, "progress is null");
  }

  @Override
  public ChainResult run(ChainRequest request) throws InterruptedException {
    List<String> command = command(request);
    progress.accept(
        "submitting the "
            + request.chain()
            + " chain for "
            + request.runTime()
            + " to "
            + submission.master().orElseThrow());
    int exit;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      builder.environment().put("NAAP_CLUSTER_MASTER", submission.master().orElseThrow());
      Process process = builder.start();
      exit = process.waitFor();
    } catch (IOException e) {
      throw LakeErrors.ioFailure("starting " + command.get(0), e);
    }
    if (exit != ChainExitCodes.OK) {
      throw LakeErrors.submittedChainFailed(
          request.chain(), request.runTime(), exit, ChainExitCodes.category(exit));
    }
    String summary =
        "submitted " + request.chain() + " chain for " + request.runTime() + " finished";
    progress.accept(summary);
    return new ChainResult(summary);
  }

  /** The submit command for one request: script, settings, then the job jar's arguments. */
  List<String> command(ChainRequest request) {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(submission.submitScript().map(Path::toString).orElseThrow());
    command.add("submit");
    forwarded.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("--");
    command.addAll(ChainCommand.arguments(request));
    return command;
  }

  /** The {@code naap.*} settings the driver needs: all but the cluster's and the master. */
  static Map<String, String> forwardable(Map<String, String> settings) {
    Map<String, String> result = new TreeMap<>();
    settings.forEach(
        (key, value) -> {
          if (key.startsWith("naap.")
              && !key.startsWith("naap.cluster.")
              && !key.equals("naap.spark.master")) {
            result.put(key, value);
          }
        });
    return result;
  }
}
