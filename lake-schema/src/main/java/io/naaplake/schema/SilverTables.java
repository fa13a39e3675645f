package io.naaplake.schema;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import io.naaplake.schema.events.DataShape;
import io.naaplake.schema.events.EventContracts;
import io.naaplake.schema.events.EventFamily;
import io.naaplake.schema.events.WireNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Silver: one typed table per event family, derived from the family's payload contract, plus the
 * ignored and quarantined events. A typed table's columns are the lineage columns below followed by
 * the payload's fields, nested objects flattened with {@code _} (so {@code
 * data.inference_status.fps} is {@code inference_status_fps}); arrays and maps stay nested.
 *
 * <p>Payload columns are all nullable: producers omit fields freely, and a payload missing a
 * contract-required field is quarantined rather than stored.
 */
public final class SilverTables {

  /** The column that numbers the elements of array-shaped payloads (discovery, capabilities). */
  public static final String ELEMENT_INDEX = "element_index";

  /** worker_lifecycle events are deduplicated on the orchestrator-assigned {@code data.id}. */
  public static final String WORKER_EVENT_ID = "id";

  private static final Map<EventFamily, TableDeclaration> TYPED = buildTyped();

  public static final TableDeclaration IGNORED_EVENTS =
      withLineage(
              TableDeclaration.builder(Layer.SILVER, "ignored_events")
                  .comment(
                      "One row per bronze event the routing rules ignore (reference §1.3), with the"
                          + " rule that matched. Kept for audit and replay after a rule change."))
          .required(
              "ignore_reason",
              string(),
              "The rule that matched: unsupported_event_family, ignored_stream_trace_non_core_app,"
                  + " ignored_stream_trace_scope_client_noise or unsupported_stream_trace_type.")
          .partitionedBy("event_date")
          .keyedBy("kafka_topic", "kafka_partition", "kafka_offset")
          .build();

  public static final TableDeclaration QUARANTINE =
      withLineage(
              TableDeclaration.builder(Layer.SILVER, "quarantine")
                  .comment(
                      "One row per contract violation in a bronze event of a known family: the"
                          + " field and why. An element-level problem condemns only that element;"
                          + " its siblings are stored."))
          .required(
              ELEMENT_INDEX,
              integer(),
              "Index of the offending element of an array payload; -1 when the problem is the"
                  + " whole payload (object payloads, an empty or non-array data).")
          .required("field", string(), "Wire path of the offending field, e.g. data.faceValue.")
          .required(
              "reason",
              string(),
              "missing_required_field, unparseable_value, wrong_shape, empty_list or not_json.")
          .required("detail", string(), "The offending value (truncated) or parser message.")
          .partitionedBy("event_date")
          .keyedBy("kafka_topic", "kafka_partition", "kafka_offset", ELEMENT_INDEX, "field")
          .build();

  private static Map<EventFamily, TableDeclaration> buildTyped() {
    Map<EventFamily, TableDeclaration> tables = new EnumMap<>(EventFamily.class);
    for (EventFamily family : EventFamily.values()) {
      tables.put(family, typed(family));
    }
    return Collections.unmodifiableMap(tables);
  }

  private static TableDeclaration typed(EventFamily family) {
    boolean array = family.dataShape() == DataShape.ARRAY;
    TableDeclaration.Builder builder =
        withLineage(
            TableDeclaration.builder(Layer.SILVER, family.wireName())
                .comment(
                    "One row per "
                        + (array ? "element of the data array of each " : "")
                        + family.wireName()
                        + " event, typed by its contract and deduplicated"
                        + (family == EventFamily.WORKER_LIFECYCLE
                            ? " on data.id (the orchestrator's id survives re-drains)."
                            : " on the envelope id (first delivery in bronze order wins).")));
    if (array) {
      builder.required(ELEMENT_INDEX, integer(), "Position of the element in data (0-based).");
    }
    for (Column column : flatten(EventContracts.payload(family).fields(), "", "data")) {
      boolean key = family == EventFamily.WORKER_LIFECYCLE && column.name().equals(WORKER_EVENT_ID);
      // The dedup key must be present: the contract makes data.id required, so rows without it
      // are quarantined before they get here.
      builder.column(
          key ? Column.required(column.name(), column.type(), column.comment()) : column);
    }
    builder.partitionedBy("event_date");
    if (family == EventFamily.WORKER_LIFECYCLE) {
      builder.keyedBy("org", WORKER_EVENT_ID);
    } else if (array) {
      builder.keyedBy("org", "event_id", ELEMENT_INDEX);
    } else {
      builder.keyedBy("org", "event_id");
    }
    return builder.build();
  }

  /** Payload fields as silver columns: structs flattened, everything nullable. */
  static List<Column> flatten(List<Column> fields, String prefix, String wirePath) {
    List<Column> columns = new ArrayList<>();
    for (Column field : fields) {
      String name = prefix + field.name();
      String path = wirePath + "." + WireNames.wireName(field);
      if (field.type() instanceof LakeType.Struct struct) {
        columns.addAll(flatten(struct.fields(), name + "_", path));
      } else {
        columns.add(
            Column.optional(name, field.type(), path + ": " + stripWireTag(field.comment())));
      }
    }
    return columns;
  }

  /** Contract comments start with "wire: X." when the wire name differs; the path says it now. */
  private static String stripWireTag(String comment) {
    if (comment.startsWith("wire: ")) {
      int end = comment.indexOf(". ");
      return end < 0 ? comment : comment.substring(end + 2);
    }
    return comment;
  }

  /** Lineage columns every silver event row carries, in this order. */
  private static TableDeclaration.Builder withLineage(TableDeclaration.Builder builder) {
    return builder
        .required("org", string(), "Tenant, from the Kafka topic.")
        .required("event_id", string(), "Envelope id.")
        .required("event_type", string(), "Envelope type (the family).")
        .optional("event_subtype", string(), "data.type when the payload carries one.")
        .optional("event_ts", timestamp(), "Envelope timestamp, UTC: the event time.")
        .required("event_date", date(), "UTC date of event_ts (of the Kafka time if absent).")
        .optional("gateway", string(), "Envelope gateway; null when empty.")
        .required("kafka_topic", string(), "Bronze lineage: topic.")
        .required("kafka_partition", integer(), "Bronze lineage: partition.")
        .required("kafka_offset", bigint(), "Bronze lineage: offset.")
        .required("ingest_batch_id", bigint(), "Bronze lineage: ingest batch.");
  }

  /** The typed table of a family. */
  public static TableDeclaration of(EventFamily family) {
    return TYPED.get(family);
  }

  /** Every silver table: typed tables in family order, then ignored and quarantine. */
  public static List<TableDeclaration> all() {
    List<TableDeclaration> tables = new ArrayList<>(TYPED.values());
    tables.add(IGNORED_EVENTS);
    tables.add(QUARANTINE);
    return List.copyOf(tables);
  }

  private SilverTables() {}
}
