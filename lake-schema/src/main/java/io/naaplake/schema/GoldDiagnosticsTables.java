package io.naaplake.schema;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import java.util.List;

/**
 * Gold: diagnostics. Why live sessions fail (swaps, errors, restarts, no orchestrator, sessions
 * that never ran), how fast orchestrator discovery answers, and the quality of the gateways' ingest
 * connections.
 *
 * <p>Hours are UTC; an unknown value is null, in key columns too (no evidence; writers match keys
 * null-safely); measures may be summed over any rows and hours, ratios and averages are recomputed
 * from them, and percentiles and distinct counts are not additive (recompute them from silver for
 * another window). {@code is_settled} is true once the hour ends at or before the run's settlement
 * instant (the silver lateness horizon).
 *
 * <p><b>Message classes.</b> Error messages ({@code ai_stream_events} of type error) and swap
 * reasons ({@code orchestrator_swap} trace messages) are classified by {@link #MESSAGE_CLASSES}:
 * the first rule one of whose substrings the lower-cased message contains names the class; the
 * excusable ones are the reference's substrings (§2.7) that excuse a failed startup in
 * silver.sessions.
 */
public final class GoldDiagnosticsTables {

  /**
   * One rule of the message classifier.
   *
   * @param messageClass the class name stored in {@code reason}
   * @param excusable whether such an error excuses a failed startup (reference §2.7)
   * @param substrings lower-case substrings, any of which selects the class
   */
  public record MessageClass(String messageClass, boolean excusable, List<String> substrings) {
    public MessageClass {
      substrings = List.copyOf(substrings);
    }
  }

  /** Class of a missing or blank message. */
  public static final String NO_MESSAGE = "no_message";

  /** Class of a message no rule matches. */
  public static final String OTHER_MESSAGE = "other";

  /** The classifier's rules, in the order they are tried. */
  public static final List<MessageClass> MESSAGE_CLASSES =
      List.of(
          new MessageClass("no_orchestrators", true, List.of("no orchestrators available")),
          new MessageClass("ingest_disconnected", true, List.of("mediamtx ingest disconnected")),
          new MessageClass("whip_disconnected", true, List.of("whip disconnected")),
          new MessageClass("missing_video", true, List.of("missing video")),
          new MessageClass("ice_connection_failed", true, List.of("ice connection state failed")),
          new MessageClass("user_disconnected", true, List.of("user disconnected")),
          new MessageClass("out_of_memory", false, List.of("out of memory")),
          new MessageClass("timeout", false, List.of("deadline exceeded", "timeout", "timed out")),
          new MessageClass("no_output", false, List.of("no output")),
          new MessageClass(
              "orchestrator_capacity", false, List.of("insufficient capacity", "returned 503")),
          new MessageClass("trickle_transport", false, List.of("trickle")),
          new MessageClass("model_load", false, List.of("load model", "model weights")),
          new MessageClass("process_exit", false, List.of("exited", "killed", "crash")));

  private static final String SETTLED =
      "False while late data may still change the row: true when the hour ends at or before the"
          + " run's settlement instant (the silver lateness horizon).";

  public static final TableDeclaration FAILURE_REASONS_HOURLY =
      TableDeclaration.builder(Layer.GOLD, "failure_reasons_hourly")
          .comment(
              "One row per (UTC hour, org, orchestrator, pipeline, model, category, reason): how"
                  + " often live sessions met each failure signal. Categories: swap"
                  + " (orchestrator_swap traces, reason = class of the swap message), error"
                  + " (ai_stream_events errors, reason = message class), restart (increases of"
                  + " ai_stream_status restart_count), and, per requested session at its start"
                  + " hour, no_orch, loading_only and zero_output_fps. A session may count under"
                  + " several reasons. Signals of events are credited to the hour of the event.")
          .required(
              "window_start",
              timestamp(),
              "UTC hour of the signal (session-level" + " categories: the session's start hour).")
          .required("window_date", date(), "UTC date of window_start. Partition.")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .optional(
              "orchestrator_address",
              string(),
              "Canonical address of the orchestrator serving the session when the signal"
                  + " occurred: attributed_orch_address of the session's latest selection at or"
                  + " before the signal (a swap trace therefore names the abandoned orchestrator;"
                  + " session-level categories take the session's last selection). Null"
                  + " when unattributed or before any selection.")
          .optional("pipeline", string(), "silver.sessions.canonical_pipeline; null when unknown.")
          .optional("model_id", string(), "silver.sessions.canonical_model; null when unknown.")
          .required(
              "category",
              string(),
              "swap, error, restart, no_orch, loading_only or zero_output_fps.")
          .required(
              "reason",
              string(),
              "For swap and error: the class of the message, the first rule whose substring the"
                  + " lower-cased message contains: "
                  + classRules()
                  + "; "
                  + OTHER_MESSAGE
                  + " when none matches, "
                  + NO_MESSAGE
                  + " without a message. For the other categories: the category itself.")
          .measure(
              "occurrences",
              bigint(),
              "Signals: swap traces, error events, restarts (sum of restart_count increases"
                  + " between consecutive status samples of a session; a sample lower than the"
                  + " previous one starts a new counter and counts its own value), or sessions for"
                  + " no_orch, loading_only and zero_output_fps.")
          .optional(
              "sessions",
              bigint(),
              "Distinct sessions with the signal in the hour. Not additive across hours.")
          .optional(
              "excusable",
              bool(),
              "For errors: whether the class is one of the reference's excusable messages"
                  + " (§2.7). Null for other categories.")
          .optional(
              "example_message",
              string(),
              "The lexicographically smallest raw message of the group (swap and error); null"
                  + " for other categories.")
          .required(
              "is_settled",
              bool(),
              SETTLED.substring(0, SETTLED.length() - 1)
                  + ", and, for no_orch, loading_only and zero_output_fps, every session counted"
                  + " last seen before that instant (a running session can still change).")
          .partitionedBy("window_date")
          .keyedBy(
              "window_start",
              "org",
              "orchestrator_address",
              "pipeline",
              "model_id",
              "category",
              "reason")
          .published()
          .build();

  public static final TableDeclaration DISCOVERY_LATENCY_HOURLY =
      TableDeclaration.builder(Layer.GOLD, "discovery_latency_hourly")
          .comment(
              "One row per (UTC hour, org, orchestrator address, orchestrator URL) among the"
                  + " candidates of discovery_results events: how often and how fast the"
                  + " orchestrator answered discovery. Percentiles are exact (linear interpolation"
                  + " between closest ranks) over the hour's samples.")
          .required("window_start", timestamp(), "UTC hour of the discovery event.")
          .required("window_date", date(), "UTC date of window_start. Partition.")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .optional(
              "orchestrator_address",
              string(),
              "Candidate address as discovery reports it, lower-cased: the hot-wallet (local)"
                  + " address in real data, not the canonical one (silver.orchestrator_snapshots"
                  + " maps local_address to orch_address). Null when absent.")
          .optional(
              "orchestrator_url",
              string(),
              "Candidate service URL, normalised (lower case, no trailing slash); null when"
                  + " absent.")
          .measure("candidates", bigint(), "Discovery result elements naming the orchestrator.")
          .measure(
              "latency_samples",
              bigint(),
              "Elements with latency_ms > 0 (the reference's sample rule: 0 or missing means no"
                  + " measurement).")
          .measure("latency_ms_sum", bigint(), "Sum of latency_ms over the samples.")
          .optional(
              "avg_latency_ms",
              float64(),
              "latency_ms_sum / latency_samples; null without samples.")
          .optional("p50_latency_ms", float64(), "Exact median of the samples. Not additive.")
          .optional(
              "p95_latency_ms",
              float64(),
              "Exact 95th percentile (linear interpolation). Not additive.")
          .optional(
              "p99_latency_ms",
              float64(),
              "Exact 99th percentile (linear interpolation). Not additive.")
          .optional("min_latency_ms", bigint(), "Smallest sample.")
          .optional("max_latency_ms", bigint(), "Largest sample.")
          .required("is_settled", bool(), SETTLED)
          .partitionedBy("window_date")
          .keyedBy("window_start", "org", "orchestrator_address", "orchestrator_url")
          .published()
          .build();

  public static final TableDeclaration INGEST_QUALITY_HOURLY =
      TableDeclaration.builder(Layer.GOLD, "ingest_quality_hourly")
          .comment(
              "One row per (UTC hour, org, gateway, pipeline) with the WHIP/WebRTC ingest"
                  + " statistics (silver.stream_ingest_metrics) of live streams: packet loss,"
                  + " jitter and RTT of the first video and first audio track, and the share of"
                  + " samples the producer rated bad (jitter over 50 ms or loss over 2 %). Values"
                  + " are averaged over samples as reported (jitter units are the producer's).")
          .required("window_start", timestamp(), "UTC hour of the samples.")
          .required("window_date", date(), "UTC date of window_start. Partition.")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .optional("gateway", string(), "Envelope gateway; null when unknown.")
          .optional(
              "pipeline",
              string(),
              "canonical_pipeline of the sample's session (org|stream_id|request_id in"
                  + " silver.sessions); null when the session or its pipeline is unknown.")
          .measure("samples", bigint(), "stream_ingest_metrics events.")
          .measure("quality_rated_samples", bigint(), "Samples with a conn_quality rating.")
          .measure("bad_quality_samples", bigint(), "Samples with conn_quality bad.")
          .measure("video_jitter_sum", float64(), "Sum of jitter of the first video track.")
          .measure("video_jitter_samples", bigint(), "Samples reporting video jitter.")
          .measure(
              "video_packet_loss_pct_sum",
              float64(),
              "Sum of packet_loss_pct of the first video track.")
          .measure(
              "video_packet_loss_samples", bigint(), "Samples reporting video packet_loss_pct.")
          .measure("video_rtt_sum", float64(), "Sum of rtt of the first video track.")
          .measure("video_rtt_samples", bigint(), "Samples reporting video rtt.")
          .measure("audio_jitter_sum", float64(), "Sum of jitter of the first audio track.")
          .measure("audio_jitter_samples", bigint(), "Samples reporting audio jitter.")
          .measure(
              "audio_packet_loss_pct_sum",
              float64(),
              "Sum of packet_loss_pct of the first audio track.")
          .measure(
              "audio_packet_loss_samples", bigint(), "Samples reporting audio packet_loss_pct.")
          .measure("audio_rtt_sum", float64(), "Sum of rtt of the first audio track.")
          .measure("audio_rtt_samples", bigint(), "Samples reporting audio rtt.")
          .optional(
              "bad_quality_share",
              float64(),
              "bad_quality_samples / quality_rated_samples; null without ratings.")
          .optional("avg_video_jitter", float64(), "video_jitter_sum / video_jitter_samples.")
          .optional(
              "avg_video_packet_loss_pct",
              float64(),
              "video_packet_loss_pct_sum / video_packet_loss_samples.")
          .optional("avg_video_rtt", float64(), "video_rtt_sum / video_rtt_samples.")
          .optional("avg_audio_jitter", float64(), "audio_jitter_sum / audio_jitter_samples.")
          .optional(
              "avg_audio_packet_loss_pct",
              float64(),
              "audio_packet_loss_pct_sum / audio_packet_loss_samples.")
          .optional("avg_audio_rtt", float64(), "audio_rtt_sum / audio_rtt_samples.")
          .optional(
              "streams",
              bigint(),
              "Distinct sessions (org|stream_id|request_id) sampled. Not additive.")
          .required("is_settled", bool(), SETTLED)
          .partitionedBy("window_date")
          .keyedBy("window_start", "org", "gateway", "pipeline")
          .published()
          .build();

  /** The rules as text, for the reason column's comment. */
  private static String classRules() {
    StringBuilder text = new StringBuilder();
    for (MessageClass rule : MESSAGE_CLASSES) {
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(String.join(" or ", rule.substrings()))
          .append(" -> ")
          .append(rule.messageClass())
          .append(rule.excusable() ? " (excusable)" : "");
    }
    return text.toString();
  }

  /** Every table declared here. */
  public static List<TableDeclaration> all() {
    return List.of(FAILURE_REASONS_HOURLY, DISCOVERY_LATENCY_HOURLY, INGEST_QUALITY_HOURLY);
  }

  private GoldDiagnosticsTables() {}
}
