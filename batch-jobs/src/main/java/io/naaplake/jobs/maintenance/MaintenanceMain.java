package io.naaplake.jobs.maintenance;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.LakePipeline;
import io.naaplake.jobs.lake.SparkSessions;
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
 * {@code maintain [--run-time ISO-INSTANT] [--dry-run]}: one maintenance run over every table
 * ({@link MaintenanceJob}), then Trino registration (so {@code ops.maintenance_actions} is
 * queryable). {@code --dry-run} prints each table's plan and changes nothing. Without {@code
 * --run-time} the run time is now, truncated to the second.
 */
public final class MaintenanceMain {
  private static final String USAGE =
      "usage: MaintenanceMain maintain [--run-time 2026-01-09T03:00:00Z] [--dry-run]";
  private static final String CLI_WRITER = "cli";

  public static void main(String[] args) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(List.of(args));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      System.err.println(e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    Settings settings = Settings.fromEnvironment();
    JobsConfig config = JobsConfig.from(settings);
    Consumer<String> progress = MaintenanceMain::say;
    SparkSession spark = SparkSessions.create(config, "naap-maintain");
    int exit = 0;
    try {
      MaintenanceJob job =
          new MaintenanceJob(
              config,
              MaintenanceConfig.from(settings),
              Clock.systemUTC(),
              progress,
              CLI_WRITER,
              config.writerLease().maxWait());
      if (arguments.dryRun()) {
        say("plan for run time " + arguments.runTime() + " (dry run: nothing is changed)");
        job.plan(spark, arguments.runTime())
            .forEach(p -> p.describe().forEach(System.out::println));
      } else {
        say("done: " + job.run(spark, arguments.runTime()).summary());
        new LakePipeline(spark, config, Clock.systemUTC(), progress).register();
      }
    } catch (NaapException e) {
      System.err.println(
          "naap: maintain failed [" + e.category() + " " + e.code() + "]: " + e.getMessage());
      exit = 1;
    } finally {
      spark.stop();
    }
    System.exit(exit);
  }

  /** The command line: {@code maintain}, an optional run time and the dry-run flag. */
  record Arguments(Instant runTime, boolean dryRun) {
    static Arguments parse(List<String> args) {
      if (args.isEmpty() || !args.get(0).equals("maintain")) {
        throw new IllegalArgumentException("expected the command maintain");
      }
      Instant runTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      boolean dryRun = false;
      for (int i = 1; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.equals("--dry-run")) {
          dryRun = true;
        } else if (arg.equals("--run-time") && i + 1 < args.size()) {
          runTime = Instant.parse(args.get(++i));
        } else {
          throw new IllegalArgumentException("unexpected argument " + arg);
        }
      }
      return new Arguments(runTime, dryRun);
    }
  }

  private static void say(String message) {
    System.out.println(
        "[naap " + LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    System.out.flush();
  }

  private MaintenanceMain() {}
}
