package io.naaplake.schema;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.mapOf;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

/** Operational tables: what ran, what was read, what was lost. */
public final class OpsTables {

  /**
   * The offset ledger. A batch's ranges are written here before any data, and each data write of
   * the batch carries the batch id as its Delta transaction version, so a crashed batch is
   * re-executed over exactly the same ranges and every write happens once.
   */
  public static final TableDeclaration KAFKA_INGEST_BATCHES =
      TableDeclaration.builder(Layer.OPS, "kafka_ingest_batches")
          .comment(
              "One row per (ingest batch, topic, partition): the Kafka offset range a bronze"
                  + " ingest batch reads. Planned before the data is written; the ledger the next"
                  + " run starts from.")
          .required("batch_id", bigint(), "Monotonic batch number, also the Delta txnVersion.")
          .required("kafka_topic", string(), "Topic.")
          .required("kafka_partition", integer(), "Partition.")
          .required("start_offset", bigint(), "First offset of the range (inclusive).")
          .required("end_offset", bigint(), "End of the range (exclusive).")
          .required("org", string(), "Tenant the topic maps to.")
          .required("run_id", string(), "Run that planned the batch.")
          .required("planned_at", timestamp(), "Run time of that run.")
          .keyedBy("batch_id", "kafka_topic", "kafka_partition")
          .build();

  /** Offsets that left Kafka (retention) before they were ingested. */
  public static final TableDeclaration KAFKA_OFFSET_GAPS =
      TableDeclaration.builder(Layer.OPS, "kafka_offset_gaps")
          .comment(
              "One row per lost offset range: messages that expired from Kafka before the bronze"
                  + " ingest read them. These events are lost to the lake and are counted, never"
                  + " skipped silently.")
          .required("kafka_topic", string(), "Topic.")
          .required("kafka_partition", integer(), "Partition.")
          .required("org", string(), "Tenant the topic maps to.")
          .required("lost_from_offset", bigint(), "First lost offset (inclusive).")
          .required("lost_to_offset", bigint(), "End of the lost range (exclusive).")
          .measure("lost_count", bigint(), "Number of lost offsets (to - from).")
          .required("reason", string(), "Why the range is lost, e.g. expired_before_ingest.")
          .required("batch_id", bigint(), "Ingest batch that detected the gap.")
          .required("run_id", string(), "Run that detected the gap.")
          .required("detected_at", timestamp(), "Run time of that run.")
          .keyedBy("kafka_topic", "kafka_partition", "lost_from_offset")
          .build();

  /** One row per job run. */
  public static final TableDeclaration JOB_RUNS =
      TableDeclaration.builder(Layer.OPS, "job_runs")
          .comment("One row per job run (appended at its end, success or failure).")
          .required("run_id", string(), "Unique run id.")
          .required("job", string(), "Job name, e.g. bronze_ingest.")
          .required("status", string(), "succeeded, no_new_data or failed.")
          .required("started_at", timestamp(), "Wall-clock start, UTC.")
          .required("finished_at", timestamp(), "Wall-clock end, UTC.")
          .required("run_time", timestamp(), "The run-time parameter the transforms used.")
          .measure("duration_ms", bigint(), "finished_at - started_at in milliseconds.")
          .optional("batch_id", bigint(), "Ingest batch id, when the job reads Kafka.")
          .optional(
              "window_description",
              string(),
              "What the run read: Kafka offset ranges as JSON, or a time window.")
          .measure("rows_in", bigint(), "Rows (messages) read.")
          .measure("rows_out", bigint(), "Rows written to the job's main table.")
          .measure("rows_quarantined", bigint(), "Rows written to quarantine.")
          .measure("offsets_lost", bigint(), "Offsets recorded in ops.kafka_offset_gaps.")
          .optional("error_category", string(), "bad_data, retriable or fatal when failed.")
          .optional("error_message", string(), "Error message when failed.")
          .required(
              "table_versions",
              mapOf(string(), bigint()),
              "Delta version of each table the run committed to, by qualified table name.")
          .optional(
              "chain_run_id",
              string(),
              "The scheduler chain run this row belongs to: the run_id of its chain row (job"
                  + " chain_hourly or chain_daily, which has it too); null for runs outside the"
                  + " scheduler (./naap run).")
          .optional(
              "trigger",
              string(),
              "Why the chain ran: scheduled, misfire-catch-up (a fire missed while the scheduler"
                  + " was down or busy) or manual (./naap jobs run); a retry keeps the trigger of"
                  + " its first attempt and has attempt > 1.")
          .optional("attempt", integer(), "Attempt of the chain run, 1 for the first.")
          .optional(
              "stage_durations_ms",
              mapOf(string(), bigint()),
              "On chain rows: milliseconds spent in each stage (lease_wait, the jobs or steps,"
                  + " trino_register), in order.")
          .keyedBy("run_id")
          .build();

  /** Where every bronze event went in silver, per run and event type. */
  public static final TableDeclaration SILVER_RECONCILIATION =
      TableDeclaration.builder(Layer.OPS, "silver_reconciliation")
          .comment(
              "One row per (silver run, event type): how the bronze events of the run's slice were"
                  + " accounted for. Invariant: bronze_rows = typed_events + duplicates + ignored +"
                  + " quarantined.")
          .required("run_id", string(), "ops.job_runs.run_id of the silver run.")
          .required("run_time", timestamp(), "Run time of that run.")
          .required("from_batch_id", bigint(), "First bronze ingest batch of the slice.")
          .required("to_batch_id", bigint(), "Last bronze ingest batch of the slice.")
          .required("event_type", string(), "Envelope type.")
          .measure("bronze_rows", bigint(), "Bronze rows of this type in the slice.")
          .measure(
              "typed_events",
              bigint(),
              "Events stored in their typed table (first delivery of their key).")
          .measure("typed_rows", bigint(), "Rows stored: typed events after array fan-out.")
          .measure("duplicates", bigint(), "Events whose key was already delivered.")
          .measure("ignored", bigint(), "Events the routing rules ignore.")
          .measure(
              "quarantined",
              bigint(),
              "Events of a known family with no storable row (every element broke the contract).")
          .measure(
              "partially_quarantined",
              bigint(),
              "Typed events of which some elements were quarantined (counted in typed_events).")
          .keyedBy("run_id", "event_type")
          .build();

  /** Events that arrived behind their org's event-time high-water mark. */
  public static final TableDeclaration LATE_EVENTS =
      TableDeclaration.builder(Layer.OPS, "late_events")
          .comment(
              "One row per (silver entities run, org, event type, event hour, disposition): typed"
                  + " events whose event time was behind their org's event-time high-water mark"
                  + " when they arrived. Within the lateness horizon they recomputed the entities"
                  + " they touch; beyond it they are stored in their typed table and counted here,"
                  + " but published history is not changed.")
          .required("run_id", string(), "ops.job_runs.run_id of the silver entities run.")
          .required("to_batch_id", bigint(), "Last bronze ingest batch the run covered.")
          .required("org", string(), "Tenant.")
          .required("event_type", string(), "Envelope type.")
          .required("event_hour", timestamp(), "UTC hour of the late events' event time.")
          .required(
              "disposition",
              string(),
              "recomputed (within naap.silver.lateness-horizon) or beyond_horizon (stored, not"
                  + " recomputed).")
          .measure("events", bigint(), "Late events.")
          .measure(
              "max_lateness_seconds",
              bigint(),
              "Largest distance between the high-water mark and an event's time.")
          .required(
              "high_water_mark",
              timestamp(),
              "The org's event-time high-water mark before the run.")
          .keyedBy("to_batch_id", "org", "event_type", "event_hour", "disposition")
          .build();

  /** The event time each org's data had reached, per silver entities run. */
  public static final TableDeclaration EVENT_TIME_WATERMARKS =
      TableDeclaration.builder(Layer.OPS, "event_time_watermarks")
          .comment(
              "One row per (silver entities run, org): the largest event time of the org's typed"
                  + " events up to the run's last bronze batch. Lateness is measured against the"
                  + " previous run's value.")
          .required("to_batch_id", bigint(), "Last bronze ingest batch the run covered.")
          .required("org", string(), "Tenant.")
          .required("high_water_mark", timestamp(), "Largest event time seen so far.")
          .required("run_id", string(), "ops.job_runs.run_id of the run.")
          .keyedBy("to_batch_id", "org")
          .build();

  /** Hours whose derived silver rows a run changed: what gold must recompute. */
  public static final TableDeclaration SILVER_DIRTY_HOURS =
      TableDeclaration.builder(Layer.OPS, "silver_dirty_hours")
          .comment(
              "One row per (silver entities run, org, UTC hour) whose sessions, session hours,"
                  + " selections, jobs or payments the run recomputed. Gold recomputes these hours"
                  + " after its own watermark.")
          .required("to_batch_id", bigint(), "Last bronze ingest batch the run covered.")
          .required("org", string(), "Tenant.")
          .required("hour", timestamp(), "UTC hour.")
          .required("run_id", string(), "ops.job_runs.run_id of the run.")
          .keyedBy("to_batch_id", "org", "hour")
          .build();

  /** What table maintenance did: one row per (maintenance run, table, action). */
  public static final TableDeclaration MAINTENANCE_ACTIONS =
      TableDeclaration.builder(Layer.OPS, "maintenance_actions")
          .comment(
              "One row per (maintenance run, table, action): data retention, compaction"
                  + " (OPTIMIZE), time-travel settings, checkpoint and VACUUM of every lake table,"
                  + " with the files, bytes, rows and Delta versions before and after. Skipped"
                  + " actions say why; failed ones carry the error.")
          .required("run_id", string(), "ops.job_runs.run_id of the maintenance run.")
          .required("run_time", timestamp(), "The run-time parameter the plan was made from.")
          .required("table_name", string(), "Qualified table name, e.g. bronze.raw_events.")
          .required(
              "action",
              string(),
              "data_retention, optimize, time_travel, vacuum or checkpoint (in that order).")
          .required("status", string(), "succeeded, skipped or failed.")
          .optional(
              "detail",
              string(),
              "What the action covered (predicate, partitions, properties, retention) or why it"
                  + " was skipped.")
          .optional(
              "files_before",
              bigint(),
              "Files before: active files in the covered partitions (optimize) or table (data"
                  + " retention); data files on storage (vacuum).")
          .optional("files_after", bigint(), "Files after, counted like files_before.")
          .optional("bytes_before", bigint(), "Bytes of the files counted in files_before.")
          .optional("bytes_after", bigint(), "Bytes of the files counted in files_after.")
          .optional("rows_deleted", bigint(), "Rows the data retention deleted.")
          .optional("version_before", bigint(), "Delta table version before the action.")
          .optional("version_after", bigint(), "Delta table version after the action.")
          .required("started_at", timestamp(), "Wall-clock start of the action, UTC.")
          .measure("duration_ms", bigint(), "Wall-clock duration of the action in milliseconds.")
          .optional("error_message", string(), "The error when the action failed.")
          .keyedBy("run_id", "table_name", "action")
          .build();

  private OpsTables() {}
}
