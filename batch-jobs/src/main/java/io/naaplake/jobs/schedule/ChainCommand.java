package io.naaplake.jobs.schedule;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import io.naaplake.scheduler.ChainRequest;
import io.naaplake.scheduler.ChainRunner;
import io.naaplake.scheduler.TriggerKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The job jar's {@code chain NAME --trigger KIND --scheduled-time T --run-time T --attempt N}
 * command: one scheduler chain in this JVM's own SparkSession (under spark-submit, on the cluster's
 * master), exiting with {@link ChainExitCodes}. {@link SubmittedChainRunner} writes these
 * arguments; this class reads them back.
 */
public final class ChainCommand {
  public static final String NAME = "chain";
  static final int USAGE_ERROR = 2;
  private static final String USAGE =
      "usage: Main chain hourly|daily --trigger scheduled|manual|misfire-catch-up"
          + " --scheduled-time ISO --run-time ISO --attempt N";

  private ChainCommand() {}

  /** The command-line arguments that ask for {@code request}. */
  public static List<String> arguments(ChainRequest request) {
    return List.of(
        NAME,
        request.chain(),
        "--trigger",
        request.kind().label(),
        "--scheduled-time",
        request.scheduledTime().toString(),
        "--run-time",
        request.runTime().toString(),
        "--attempt",
        Integer.toString(request.attempt()));
  }

  /** The request {@code args} (as {@link #arguments} writes them) ask for. */
  public static ChainRequest request(String[] args) {
    if (args.length != 10 || !args[0].equals(NAME)) {
      throw new IllegalArgumentException(USAGE);
    }
    return new ChainRequest(
        args[1],
        TriggerKind.fromLabel(option(args, 2, "--trigger")),
        Instant.parse(option(args, 4, "--scheduled-time")),
        Instant.parse(option(args, 6, "--run-time")),
        Integer.parseInt(option(args, 8, "--attempt")));
  }

  /** Runs the chain {@code args} name; returns the process exit code. */
  public static int run(String[] args, Settings settings) {
    ChainRequest request;
    try {
      request = request(args);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      System.err.println("naap: bad chain arguments: " + e.getMessage() + "\n" + USAGE);
      return USAGE_ERROR;
    }
    try (ChainRunner runner = SparkChainRunnerProvider.inProcess(settings)) {
      runner.run(request);
      return ChainExitCodes.OK;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      NaapException naap = e instanceof NaapException n ? n : null;
      System.err.println(
          "naap: "
              + request.chain()
              + " chain failed ["
              + NaapException.categoryOf(e)
              + (naap == null ? "" : " " + naap.code())
              + "]: "
              + e.getMessage());
      return ChainExitCodes.of(NaapException.categoryOf(e));
    }
  }

  private static String option(String[] args, int index, String name) {
    if (!args[index].equals(name)) {
      throw new IllegalArgumentException("expected " + name + " at position " + index);
    }
    return args[index + 1];
  }
}
