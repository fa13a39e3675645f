package io.naaplake.schema.events;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event family (envelope {@code type}) the lake accepts. The reference system accepts the
 * first fourteen; {@link #CREATE_SIGNED_TICKET} is accepted here too, because it is the only
 * per-session record of billable compute and the reference leaves it on the floor.
 */
public enum EventFamily {
  // Live video (AI streams).
  /** Lifecycle milestones of a live AI stream; only the subtypes in §1.3 are accepted. */
  STREAM_TRACE("stream_trace", DataShape.OBJECT, Subtype.IN_DATA_TYPE),
  /** Periodic (about 10 s) runner status of a live stream. */
  AI_STREAM_STATUS("ai_stream_status", DataShape.OBJECT, Subtype.IN_DATA_TYPE),
  /** Non-status runner events and gateway events of a live stream (errors, params updates). */
  AI_STREAM_EVENTS("ai_stream_events", DataShape.OBJECT, Subtype.IN_DATA_TYPE),
  /** WHIP/WebRTC ingest statistics, about every 5 s per stream. */
  STREAM_INGEST_METRICS("stream_ingest_metrics", DataShape.OBJECT, Subtype.NONE),
  /**
   * Orchestrators a gateway polled: the only source of GPU supply. One element per orchestrator.
   */
  NETWORK_CAPABILITIES("network_capabilities", DataShape.ARRAY, Subtype.NONE),
  /** Candidate orchestrators of one selection, in preference order. One element per candidate. */
  DISCOVERY_RESULTS("discovery_results", DataShape.ARRAY, Subtype.NONE),
  /** A probabilistic micropayment ticket batch created by a gateway. */
  CREATE_NEW_PAYMENT("create_new_payment", DataShape.OBJECT, Subtype.NONE),

  // Request/response jobs (AI batch, LLM, BYOC).
  /** AI-batch requests (fixed builtin pipelines): received and completed. */
  AI_BATCH_REQUEST("ai_batch_request", DataShape.OBJECT, Subtype.IN_DATA_TYPE),
  /** LLM requests, paired with AI-batch llm jobs by request id. */
  AI_LLM_REQUEST("ai_llm_request", DataShape.OBJECT, Subtype.IN_DATA_TYPE),
  /** BYOC jobs seen by the gateway: submitted, completed, discovery and token fetch. */
  JOB_GATEWAY("job_gateway", DataShape.OBJECT, Subtype.IN_DATA_TYPE),
  /** BYOC jobs seen by the orchestrator, relayed through the gateway; loose schema. */
  JOB_ORCHESTRATOR("job_orchestrator", DataShape.OBJECT, Subtype.IN_DATA_TYPE),
  /** BYOC authentication results (webhook, credential verification). */
  JOB_AUTH("job_auth", DataShape.OBJECT, Subtype.IN_DATA_TYPE),
  /** BYOC payment bookkeeping (balance sync, payment created, stream payment cycle). */
  JOB_PAYMENT("job_payment", DataShape.OBJECT, Subtype.IN_DATA_TYPE),
  /** BYOC worker fleet changes drained from each orchestrator. */
  WORKER_LIFECYCLE("worker_lifecycle", DataShape.OBJECT, Subtype.IN_DATA_TYPE),

  // Billing.
  /** A ticket batch signed by a remote signer, with the billable seconds, pixels and fee. */
  CREATE_SIGNED_TICKET("create_signed_ticket", DataShape.OBJECT, Subtype.NONE);

  /** Where a family's subtype discriminator lives. */
  private enum Subtype {
    IN_DATA_TYPE,
    NONE
  }

  /**
   * The stream_trace subtypes the reference routes to silver (§1.3). Producer subtypes outside the
   * list (e.g. BYOC's {@code stream_stopped}, {@code runner_receive_stream_request}) are ignored as
   * {@code unsupported_stream_trace_type}.
   */
  private static final Set<String> STREAM_TRACE_SUBTYPES =
      orderedSet(
          "gateway_receive_stream_request",
          "gateway_ingest_stream_closed",
          "gateway_send_first_ingest_segment",
          "gateway_receive_first_processed_segment",
          "gateway_receive_few_processed_segments",
          "gateway_receive_first_data_segment",
          "gateway_no_orchestrators_available",
          "orchestrator_swap",
          "runner_receive_first_ingest_segment",
          "runner_send_first_processed_segment");

  private static final Map<String, EventFamily> BY_WIRE_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(EventFamily::wireName, Function.identity()));

  private final String wireName;
  private final DataShape dataShape;
  private final Subtype subtype;

  EventFamily(String wireName, DataShape dataShape, Subtype subtype) {
    this.wireName = requireNonNull(wireName, "wireName is null");
    this.dataShape = requireNonNull(dataShape, "dataShape is null");
    this.subtype = requireNonNull(subtype, "subtype is null");
  }

  /** The envelope {@code type} value, e.g. {@code stream_trace}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The family of an envelope {@code type}. Matching is exact: producers send lower-case names, and
   * anything else is an unsupported family, as in the reference.
   */
  public static Optional<EventFamily> fromWireName(String wireName) {
    return Optional.ofNullable(wireName).map(BY_WIRE_NAME::get);
  }

  /** Whether {@code data} is one object or an array of elements. */
  public DataShape dataShape() {
    return dataShape;
  }

  /** True when {@code data.type} carries a subtype (stored as bronze's {@code event_subtype}). */
  public boolean hasSubtype() {
    return subtype == Subtype.IN_DATA_TYPE;
  }

  /**
   * The subtypes accepted for this family, in the reference's order, when the family restricts
   * them; empty when every subtype (or none) is accepted.
   */
  public Optional<Set<String>> acceptedSubtypes() {
    return this == STREAM_TRACE ? Optional.of(STREAM_TRACE_SUBTYPES) : Optional.empty();
  }

  static Set<String> orderedSet(String... values) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
  }
}
