package io.naaplake.jobs.it;

import io.naaplake.jobs.lake.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** One SparkSession for every integration test of the run (they share one JVM). */
public final class SharedSpark {
  private static SparkSession session;

  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSessions.create(ItEnvironment.jobsConfig(java.util.Map.of()), "naap-it");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  private SharedSpark() {}
}
