package io.naaplake.jobs.lake;

import io.naaplake.jobs.JobsConfig;
import org.apache.spark.sql.SparkSession;

/** The one way the jobs build a SparkSession: Delta enabled, UTC, loopback-only when local. */
public final class SparkSessions {

  public static SparkSession create(JobsConfig config, String appName) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", config.shufflePartitions())
            // Fewer snapshot partitions cut Delta's log replay cost on small machines (measured
            // 39 s -> 31 s per job on 2 cores, stack-recipes.md).
            .config("spark.databricks.delta.snapshotPartitions", 2)
            // Our offset-keyed appends never conflict; keep Delta from retrying blind appends.
            .config("spark.databricks.delta.schema.autoMerge.enabled", false)
            .config("spark.ui.enabled", false);
    if (!config.sparkCodegen()) {
      // A chain runs about 200 small Delta reads and writes, and Spark generates and compiles
      // (Janino, then the JIT) code for each plan: that took half the executor CPU of a chain
      // over a few thousand rows. Interpreted evaluation cut an embedded chain from 286 s to
      // 218 s on 2 cores (issue 8's notes). factoryMode is an internal Spark setting that Spark
      // 4.2 honours outside its tests; SparkSessionsTest proves it still takes effect.
      builder
          .config("spark.sql.codegen.wholeStage", false)
          .config("spark.sql.codegen.factoryMode", "NO_CODEGEN");
    }
    if (!config.sparkMaster().isBlank()) {
      // Embedded mode. On a cluster spark-submit sets the master and naap.spark.master is empty.
      builder
          .master(config.sparkMaster())
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    return builder.getOrCreate();
  }

  private SparkSessions() {}
}
