package io.naaplake.jobs.silver.entities;

import static org.apache.spark.sql.functions.col;

import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.silver.Identity;
import io.naaplake.jobs.silver.jobs.PaymentLinks;
import io.naaplake.schema.JobTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.events.EventFamily;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Payment links: the run's new payments, and every stored payment whose request id names a session
 * the run recomputed (a payment can arrive before its session's first trace), are linked again.
 */
final class PaymentStage {
  private static final List<String> REQUEST = List.of("org", "request_id");

  private PaymentStage() {}

  /** The hours whose payment links the run rewrote. */
  static Dataset<Row> run(EntityRun run, Dataset<Row> recomputedSessions) {
    Dataset<Row> requests =
        recomputedSessions
            .where(col("request_id").isNotNull())
            .select("org", "request_id")
            .distinct();
    Dataset<Row> stored =
        CapabilityStage.semiJoin(
                run.read(SilverTables.of(EventFamily.CREATE_NEW_PAYMENT))
                    .withColumn("request_id_key", Identity.text(col("request_id"))),
                requests.withColumnRenamed("request_id", "request_id_key"),
                List.of("org", "request_id_key"))
            .drop("request_id_key");
    Dataset<Row> payments =
        run.eligible(EventFamily.CREATE_NEW_PAYMENT)
            .unionByName(stored)
            .dropDuplicates("org", "event_id")
            .persist(StorageLevel.MEMORY_AND_DISK());
    if (payments.isEmpty()) {
      payments.unpersist();
      return DirtyHours.of(payments, "event_ts");
    }
    Dataset<Row> paymentRequests =
        payments
            .select(col("org"), Identity.text(col("request_id")).as("request_id"))
            .where(col("request_id").isNotNull())
            .distinct();
    Dataset<Row> sessionKeys =
        CapabilityStage.semiJoin(run.read(SessionTables.SESSIONS), paymentRequests, REQUEST)
            .select("org", "request_id", "session_key");
    DeltaWrites.upsert(
        PaymentLinks.link(payments, sessionKeys),
        run.tables.path(JobTables.PAYMENT_LINKS),
        JobTables.PAYMENT_LINKS.keyColumns());
    Dataset<Row> hours = DirtyHours.of(payments, "event_ts").localCheckpoint();
    payments.unpersist();
    return hours;
  }
}
