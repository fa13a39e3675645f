package io.naaplake.jobs.export;

import io.naaplake.config.Settings;
import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.SparkSessions;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of {@code ./naap export}: export a gold dataset for a window of UTC days, or verify
 * an export against its manifest and the lake. Exit status 0 on success, 1 when the export or the
 * verification failed, 2 for a bad command line.
 */
public final class ExportMain {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    ExportCommand command;
    try {
      command = ExportCommand.parse(args);
    } catch (NaapException e) {
      System.err.println("naap export: " + e.getMessage() + "\n" + ExportCommand.USAGE);
      return 2;
    }
    Settings settings = Settings.fromEnvironment();
    JobsConfig jobs = JobsConfig.from(settings);
    ExportConfig config = ExportConfig.from(settings);
    if (command.out().isPresent()) {
      config = config.withExportsDir(command.out().get());
    }
    SparkSession spark = SparkSessions.create(jobs, "naap-export");
    try {
      DatasetExporter exporter = new DatasetExporter(spark, jobs, config, ExportMain::say);
      if (command.isVerify()) {
        return verify(exporter, command);
      }
      DatasetExporter.Result result = exporter.export(command.request());
      say("export " + result.directory() + " (" + result.manifest().files().get(0).sha256() + ")");
      return 0;
    } catch (NaapException e) {
      System.err.println(
          "naap: export failed [" + e.category() + " " + e.code() + "]: " + e.getMessage());
      return e.category() == ErrorCategory.BAD_DATA ? 2 : 1;
    } finally {
      spark.stop();
    }
  }

  private static int verify(DatasetExporter exporter, ExportCommand command) {
    ExportVerifier.Report report = new ExportVerifier(exporter).verify(command.verify());
    if (report.passed()) {
      say(
          "verified "
              + report.manifest()
              + ": every file matches its checksum and the recomputation ("
              + report.elapsed().toMillis()
              + " ms)");
      return 0;
    }
    System.err.println("naap: export verify FAILED for " + report.manifest() + ":");
    report.problems().forEach(problem -> System.err.println("  - " + problem));
    return 1;
  }

  private static void say(String message) {
    System.out.println(
        "[naap " + LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    System.out.flush();
  }

  private ExportMain() {}
}
