package io.naaplake.schema.events;

import static io.naaplake.schema.LakeType.string;

import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import java.util.List;

/**
 * The wire envelope every Kafka message value carries: a JSON object with five fields, the same for
 * every family and both topics. Declared as the schema a JSON reader parses the value into; bronze
 * keeps the value byte-exact and derives its columns from these fields.
 */
public final class Envelope {

  public static final String ID = "id";
  public static final String TYPE = "type";
  public static final String TIMESTAMP = "timestamp";
  public static final String GATEWAY = "gateway";
  public static final String DATA = "data";

  /**
   * The envelope as read from the wire. Every field is a string: {@code timestamp} is epoch
   * milliseconds written as a string, and {@code data} is kept as raw JSON text because its shape
   * depends on {@code type} (Spark's JSON reader returns the raw text of an object or array read
   * into a string field, so one envelope schema reads every family).
   */
  public static final LakeType.Struct SCHEMA =
      new LakeType.Struct(
          List.of(
              Column.required(
                  ID,
                  string(),
                  "UUID v4 drawn per emit and also the Kafka key, so partitions carry no"
                      + " per-stream order. The dedup key; messages without one are quarantined."),
              Column.required(
                  TYPE,
                  string(),
                  "Event family (EventFamily wire name); the routing key. Messages without one"
                      + " are quarantined."),
              Column.optional(
                  TIMESTAMP,
                  string(),
                  "Gateway wall clock at publish: epoch milliseconds as a JSON string, e.g."
                      + " \"1767908945298\". Parsed best-effort; most payloads also carry a"
                      + " numeric data.timestamp."),
              Column.optional(
                  GATEWAY,
                  string(),
                  "Gateway ETH address or host; an empty string in the cloudspe sample."),
              Column.optional(
                  DATA,
                  string(),
                  "The payload as raw JSON text: an object, or an array for"
                      + " network_capabilities and discovery_results. Its contract is"
                      + " EventContracts.payload(family).")));

  private Envelope() {}
}
