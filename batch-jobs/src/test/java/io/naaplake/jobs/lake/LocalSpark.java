package io.naaplake.jobs.lake;

import io.naaplake.config.Settings;
import io.naaplake.jobs.JobsConfig;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The local SparkSession unit tests share (one per test JVM), tuned for tiny inputs. */
public final class LocalSpark {
  private static SparkSession session;

  public static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSessions.create(
              JobsConfig.from(
                  Settings.of(
                      Map.of(
                          "naap.spark.master", "local[1]", "naap.spark.shuffle-partitions", "1"))),
              "naap-unit-test");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  /** Job configuration whose lake lives in a test's temporary directory. */
  public static JobsConfig lakeAt(Path root) {
    return JobsConfig.from(
        Settings.of(Map.of("naap.lake.root", root.toString(), "naap.trino.register", "false")));
  }

  private LocalSpark() {}
}
