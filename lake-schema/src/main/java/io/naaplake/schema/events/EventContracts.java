package io.naaplake.schema.events;

import static io.naaplake.schema.LakeType.arrayOf;

import io.naaplake.schema.LakeType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The typed payload contract of every event family: the schema silver parses {@code data} into.
 * This is a declaration, not a parser; the parser lives with the Spark jobs and handles the wire
 * quirks each field's comment names.
 *
 * <p>Conventions:
 *
 * <ul>
 *   <li>Names are the wire names in lower snake case; a differing wire name leads the comment as
 *       {@code wire: <name>.} (see {@link WireNames}).
 *   <li>Wei amounts are {@code decimal(38,0)}; fractional wei rates and probabilities are {@code
 *       decimal(38,18)} (reasons on {@code PayloadFields.WEI_RATE}). "str-num" marks a number sent
 *       as a JSON string.
 *   <li>Instants are timestamps whatever their wire form (int epoch ms, float seconds, RFC 3339).
 *   <li>Free-form JSON (stream parameters) is kept as raw JSON text in a string.
 *   <li>Required fields are the few without which a payload means nothing; a payload lacking one is
 *       {@link EventRoute#MALFORMED_OR_INVALID_PAYLOAD}. Everything else is optional, because
 *       producers omit fields freely.
 * </ul>
 */
public final class EventContracts {

  private static final Map<EventFamily, LakeType.Struct> PAYLOADS = buildPayloads();

  private static Map<EventFamily, LakeType.Struct> buildPayloads() {
    Map<EventFamily, LakeType.Struct> payloads = new EnumMap<>(EventFamily.class);
    for (EventFamily family : EventFamily.values()) {
      payloads.put(family, declaredPayload(family));
    }
    return Collections.unmodifiableMap(payloads);
  }

  private static LakeType.Struct declaredPayload(EventFamily family) {
    return switch (family) {
      case STREAM_TRACE -> LivePayloads.STREAM_TRACE;
      case AI_STREAM_STATUS -> LivePayloads.AI_STREAM_STATUS;
      case AI_STREAM_EVENTS -> LivePayloads.AI_STREAM_EVENTS;
      case STREAM_INGEST_METRICS -> LivePayloads.STREAM_INGEST_METRICS;
      case NETWORK_CAPABILITIES -> CapabilityPayloads.ORCHESTRATOR;
      case DISCOVERY_RESULTS -> LivePayloads.DISCOVERY_RESULT;
      case CREATE_NEW_PAYMENT -> PaymentPayloads.CREATE_NEW_PAYMENT;
      case AI_BATCH_REQUEST -> JobPayloads.AI_BATCH_REQUEST;
      case AI_LLM_REQUEST -> JobPayloads.AI_LLM_REQUEST;
      case JOB_GATEWAY -> JobPayloads.JOB_GATEWAY;
      case JOB_ORCHESTRATOR -> JobPayloads.JOB_ORCHESTRATOR;
      case JOB_AUTH -> JobPayloads.JOB_AUTH;
      case JOB_PAYMENT -> PaymentPayloads.JOB_PAYMENT;
      case WORKER_LIFECYCLE -> JobPayloads.WORKER_LIFECYCLE;
      case CREATE_SIGNED_TICKET -> PaymentPayloads.CREATE_SIGNED_TICKET;
    };
  }

  /**
   * The schema of one payload: the {@code data} object, or one element of the {@code data} array
   * for {@link DataShape#ARRAY} families.
   */
  public static LakeType.Struct payload(EventFamily family) {
    return PAYLOADS.get(family);
  }

  /** The schema of {@code data} as a whole: the payload, or an array of it. */
  public static LakeType dataType(EventFamily family) {
    return switch (family.dataShape()) {
      case OBJECT -> payload(family);
      case ARRAY -> arrayOf(payload(family));
    };
  }

  /** Every family's payload, in {@link EventFamily} order. */
  public static Map<EventFamily, LakeType.Struct> payloads() {
    return PAYLOADS;
  }

  private EventContracts() {}
}
