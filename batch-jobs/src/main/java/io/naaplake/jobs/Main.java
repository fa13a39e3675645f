package io.naaplake.jobs;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import io.naaplake.jobs.lake.SparkSessions;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.jobs.schedule.ChainCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of the job jar: {@code run | ingest | migrate | register [--run-time ISO-INSTANT]},
 * and {@code chain ...} ({@link ChainCommand}: one scheduler chain, as a cluster runs it). The same
 * class runs under {@code ./naap} and under {@code spark-submit}. The writing commands hold the
 * lake's writer lease while they write: if another writer holds it, they wait {@code
 * naap.lease.max-wait} (by default not at all) and then exit with {@code LAKE_WRITER_BUSY}, naming
 * that writer.
 */
public final class Main {
  private static final String USAGE =
      "usage: Main (run|ingest|migrate|register|rebuild-gold) [--run-time 2026-01-08T22:00:00Z]"
          + " | Main chain ... (see ChainCommand)";

  /** How a command-line run names itself in the lake's writer lease. */
  static final String CLI_WRITER = "cli";

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println(USAGE);
      System.exit(2);
    }
    if (args[0].equals(ChainCommand.NAME)) {
      // A scheduler chain (submitted to a cluster): its own session, exit code by category.
      System.exit(ChainCommand.run(args, Settings.fromEnvironment()));
    }
    Instant runTime;
    try {
      runTime = runTime(args);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      System.err.println("bad --run-time: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    JobsConfig config = JobsConfig.from(Settings.fromEnvironment());
    Consumer<String> progress = Main::say;
    int exit;
    SparkSession spark = SparkSessions.create(config, "naap-" + args[0]);
    try {
      LakePipeline pipeline =
          new LakePipeline(
              spark,
              config,
              Clock.systemUTC(),
              progress,
              CLI_WRITER,
              config.writerLease().maxWait());
      exit = dispatch(args[0], pipeline, runTime);
    } catch (NaapException e) {
      System.err.println(
          "naap: "
              + args[0]
              + " failed ["
              + e.category()
              + " "
              + e.code()
              + "]: "
              + e.getMessage());
      exit = 1;
    } finally {
      spark.stop();
    }
    System.exit(exit);
  }

  private static int dispatch(String command, LakePipeline pipeline, Instant runTime) {
    switch (command) {
      case "run" -> summarise(pipeline.runOnce(runTime));
      case "ingest" -> {
        pipeline.migrate();
        summarise(pipeline.ingestOnly(runTime));
      }
      case "migrate" -> {
        pipeline.migrate();
        pipeline.register();
      }
      case "register" -> pipeline.register();
      case "rebuild-gold" -> summarise(List.of(pipeline.rebuildGold(runTime)));
      default -> {
        System.err.println("unknown command " + command + "\n" + USAGE);
        return 2;
      }
    }
    return 0;
  }

  private static void summarise(List<JobRun> runs) {
    for (JobRun run : runs) {
      say(
          "done: "
              + run.job()
              + " "
              + run.status().code()
              + ": "
              + run.rowsIn()
              + " in, "
              + run.rowsOut()
              + " out, "
              + run.rowsQuarantined()
              + " quarantined, "
              + run.offsetsLost()
              + " offsets lost");
    }
  }

  /** The run time: {@code --run-time} if given, else now truncated to the second. */
  static Instant runTime(String[] args) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--run-time")) {
        return Instant.parse(args[i + 1]);
      }
    }
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /** Prints a progress line, stamped with the UTC time of day. */
  public static void say(String message) {
    System.out.println(
        "[naap " + LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    System.out.flush();
  }

  private Main() {}
}
