package io.naaplake.schema;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.binary;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

/** Bronze: Kafka messages kept byte-exact, one row per consumed message. */
public final class BronzeTables {

  /** Every consumed message that is a JSON envelope with an id and a type. */
  public static final TableDeclaration RAW_EVENTS =
      TableDeclaration.builder(Layer.BRONZE, "raw_events")
          .comment(
              "One row per Kafka message that is a JSON envelope with an id and a type, value kept"
                  + " byte-exact. Written by the bronze ingest job exactly once per Kafka offset;"
                  + " duplicate deliveries of one envelope id are kept here and removed in silver.")
          .required("event_id", string(), "Envelope id (UUID from the producer); the dedup key.")
          .required("event_type", string(), "Envelope type: the event family, e.g. stream_trace.")
          .optional(
              "event_subtype", string(), "data.type when the payload is an object carrying one.")
          .optional(
              "event_ts",
              timestamp(),
              "Envelope timestamp (string epoch ms on the wire) parsed best-effort, UTC; null when"
                  + " unparseable.")
          .required(
              "event_date",
              date(),
              "UTC date of event_ts, or of the Kafka timestamp when event_ts is null. Partition.")
          .required("org", string(), "Tenant, derived from the topic by configuration.")
          .optional("gateway", string(), "Envelope gateway (address or host); often empty.")
          .optional("schema_version", string(), "data.schema_version when present.")
          .required("kafka_topic", string(), "Source topic.")
          .required("kafka_partition", integer(), "Source partition.")
          .required(
              "kafka_offset", bigint(), "Source offset; (topic, partition, offset) is unique.")
          .required("kafka_timestamp", timestamp(), "Kafka record timestamp, UTC.")
          .optional("kafka_key", binary(), "Kafka record key bytes (the envelope id in practice).")
          .required("raw_value", binary(), "The Kafka record value, byte-exact.")
          .required("value_bytes", integer(), "Size of raw_value in bytes.")
          .required("payload_hash", string(), "Hex SHA-256 of raw_value.")
          .required("ingest_run_id", string(), "ops.job_runs.run_id of the run that wrote the row.")
          .required(
              "ingest_batch_id",
              bigint(),
              "ops.kafka_ingest_batches.batch_id: the offset range this row was read in.")
          .required("ingested_at", timestamp(), "Run time of the ingest run (a job parameter).")
          .partitionedBy("event_date")
          .keyedBy("kafka_topic", "kafka_partition", "kafka_offset")
          .build();

  /** Consumed messages that are not readable envelopes, with the reason. */
  public static final TableDeclaration QUARANTINE =
      TableDeclaration.builder(Layer.BRONZE, "quarantine")
          .comment(
              "One row per consumed Kafka message that is not a readable JSON envelope (not JSON,"
                  + " no id, no type, too large). Nothing is dropped: consumed = raw_events +"
                  + " quarantine for every offset range.")
          .required(
              "reason",
              string(),
              "Why the message was quarantined: not_json, not_an_object, missing_id, missing_type,"
                  + " too_large.")
          .required("reason_detail", string(), "Human-readable detail for the reason.")
          .optional("envelope_id", string(), "Envelope id when one could be read.")
          .optional("event_type", string(), "Envelope type when one could be read.")
          .required("org", string(), "Tenant, derived from the topic by configuration.")
          .required("kafka_topic", string(), "Source topic.")
          .required("kafka_partition", integer(), "Source partition.")
          .required(
              "kafka_offset", bigint(), "Source offset; (topic, partition, offset) is unique.")
          .required("kafka_timestamp", timestamp(), "Kafka record timestamp, UTC.")
          .optional("kafka_key", binary(), "Kafka record key bytes.")
          .optional(
              "raw_value",
              binary(),
              "The record value byte-exact; null when it exceeds the maximum event size.")
          .required(
              "raw_value_prefix",
              binary(),
              "The first bytes of the value (up to the configured prefix size), always kept.")
          .required("value_bytes", integer(), "Size of the whole record value in bytes.")
          .required("payload_hash", string(), "Hex SHA-256 of the whole record value.")
          .required("quarantine_date", date(), "UTC date of the Kafka record timestamp. Partition.")
          .required("ingest_run_id", string(), "ops.job_runs.run_id of the run that wrote the row.")
          .required("ingest_batch_id", bigint(), "ops.kafka_ingest_batches.batch_id.")
          .required("ingested_at", timestamp(), "Run time of the ingest run.")
          .partitionedBy("quarantine_date")
          .keyedBy("kafka_topic", "kafka_partition", "kafka_offset")
          .build();

  private BronzeTables() {}
}
