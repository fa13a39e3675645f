package io.naaplake.jobs.report;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.SparkSessions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.SparkSession;

/**
 * {@code report --kind daily|hourly [--window-start ISO] [--run-time ISO]}: writes one network
 * report under {@code naap.reports.dir}. The run time defaults to now (to the second), the window
 * to the last complete day or hour before the run time.
 */
public final class ReportMain {
  private static final String USAGE =
      "usage: ReportMain report --kind daily|hourly [--window-start 2026-01-08T00:00:00Z]"
          + " [--run-time 2026-01-09T01:00:00Z]";

  /** Parsed command line. */
  record Arguments(ReportWindow window, Instant runTime) {}

  public static void main(String[] args) {
    Arguments arguments;
    try {
      arguments = parse(args, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    } catch (IllegalArgumentException | DateTimeParseException | NaapException e) {
      System.err.println("naap report: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    JobsConfig jobs = JobsConfig.from(Settings.fromEnvironment());
    ReportConfig config = ReportConfig.from(Settings.fromEnvironment());
    int exit = 0;
    SparkSession spark = SparkSessions.create(jobs, "naap-report");
    try {
      long started = System.nanoTime();
      ReportJob.Result result =
          new ReportJob(jobs, config).run(spark, arguments.window(), arguments.runTime());
      System.out.println(
          "[naap] report "
              + result.id()
              + " written to "
              + result.directory()
              + " in "
              + (System.nanoTime() - started) / 1_000_000
              + " ms, tables "
              + result.tableVersions());
    } catch (NaapException e) {
      System.err.println(
          "naap: report failed [" + e.category() + " " + e.code() + "]: " + e.getMessage());
      exit = 1;
    } finally {
      spark.stop();
    }
    System.exit(exit);
  }

  /** Parses the arguments; {@code now} is the default run time. */
  static Arguments parse(String[] args, Instant now) {
    if (args.length == 0 || !args[0].equals("report")) {
      throw new IllegalArgumentException("the command is 'report'");
    }
    ReportKind kind = null;
    Instant windowStart = null;
    Instant runTime = now;
    for (int i = 1; i < args.length; i++) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      String value = args[++i];
      switch (args[i - 1]) {
        case "--kind" -> kind = ReportKind.parse(value);
        case "--window-start" -> windowStart = Instant.parse(value);
        case "--run-time" -> runTime = Instant.parse(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
      }
    }
    if (kind == null) {
      throw new IllegalArgumentException("--kind is required");
    }
    Instant start = windowStart != null ? windowStart : kind.previousCompleteWindow(runTime);
    return new Arguments(new ReportWindow(kind, start), runTime);
  }

  private ReportMain() {}
}
