package io.naaplake.schema;

import static io.naaplake.schema.LakeType.arrayOf;
import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.decimal;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import java.util.List;

/**
 * Gold: the network at a glance. The live sessions at a run's as-of time, the orchestrator
 * leaderboard (reference §3.3), one row per orchestrator, the hourly network summary and the hourly
 * data quality of the lake itself.
 *
 * <p><b>As-of tables</b> ({@code active_sessions}, {@code orchestrator_leaderboard}, {@code
 * orchestrators}) describe the network at one instant, the run's as-of time (a parameter, never the
 * wall clock), and are partitioned by its UTC date; each run adds one slice keyed by {@code as_of}.
 * <b>Hourly tables</b> are keyed by the UTC hour as elsewhere in gold.
 *
 * <p>An unknown value is null, in key columns too (no evidence; writers match keys null-safely).
 * Measures may be summed over rows and hours; ratios beside them are recomputed from the sums.
 * Distinct counts are not additive. {@code is_settled} is false while late data may still change
 * the row (the run's settlement instant is its as-of time minus the silver lateness horizon).
 */
public final class GoldNetworkTables {

  /** The value of {@code orchestrator_leaderboard.methodology_version}. */
  public static final String LEADERBOARD_METHODOLOGY = "leaderboard-minmax-v1";

  /** A session is live when its last event is at most this many seconds before the as-of time. */
  public static final long LIVE_SECONDS = 120;

  private static final String AS_OF_SETTLED =
      "as_of is at or before the run's settlement instant: late data can no longer change what"
          + " the row describes. False while it may.";

  private static final String HOUR_SETTLED =
      "False while late data may still change the row: true when the hour ends at or before the"
          + " run's settlement instant (the silver lateness horizon).";

  public static final TableDeclaration ACTIVE_SESSIONS =
      TableDeclaration.builder(Layer.GOLD, "active_sessions")
          .comment(
              "One row per live-video session live at the run's as-of time: a silver.sessions row"
                  + " with a stream id, not completed (no close trace), first seen at or before"
                  + " as_of and last seen at most 2 minutes before it (reference"
                  + " api_current_active_stream_state). Orchestrator from the session's latest"
                  + " selection at or before as_of; state and FPS from its latest ai_stream_status"
                  + " sample at or before as_of.")
          .required("as_of", timestamp(), "The run's as-of time (a parameter).")
          .required("as_of_date", date(), "UTC date of as_of. Partition.")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .required("session_key", string(), "silver.sessions.session_key.")
          .required("stream_id", string(), "silver.sessions.stream_id.")
          .optional("request_id", string(), "silver.sessions.request_id; null when never sent.")
          .optional("gateway", string(), "silver.sessions.gateway; null when unknown.")
          .optional(
              "orchestrator_address",
              string(),
              "attributed_orch_address (canonical, on-chain) of the latest selection at or before"
                  + " as_of; null without a selection or when it is ambiguous or unresolved.")
          .optional(
              "orch_uri",
              string(),
              "attributed_orch_uri of that selection, else the URL the signal reported"
                  + " (observed_url); null without a selection.")
          .optional(
              "pipeline",
              string(),
              "The selection's attributed pipeline, else its pipeline hint, else"
                  + " silver.sessions.canonical_pipeline; null when unknown.")
          .optional("model_id", string(), "Model id, chosen like pipeline.")
          .optional(
              "gpu_id",
              string(),
              "attributed_gpu_id of the selection: set only when exactly one GPU could serve.")
          .optional(
              "attribution_status",
              string(),
              "attribution_status of the selection; null without a selection.")
          .optional(
              "state",
              string(),
              "state of the latest ai_stream_status sample at or before as_of (ONLINE, LOADING,"
                  + " DEGRADED_INPUT, DEGRADED_INFERENCE, OFFLINE, ERROR, as sent); silver.sessions"
                  + " keeps no state. Null when the session has no sample yet.")
          .optional(
              "last_status_at",
              timestamp(),
              "Event time of that sample; null without one. state and FPS are as of this time.")
          .optional(
              "input_fps", float64(), "input_status.fps of that sample; null when it reports none.")
          .optional(
              "output_fps",
              float64(),
              "inference_status.fps (output fps) of that sample; null when it reports none.")
          .required(
              "playable",
              bool(),
              "silver.sessions.playable: startup succeeded (few-processed-segments trace).")
          .required("first_seen", timestamp(), "silver.sessions.first_seen.")
          .required("last_seen", timestamp(), "silver.sessions.last_seen (within 2 min of as_of).")
          .required("is_settled", bool(), AS_OF_SETTLED)
          .partitionedBy("as_of_date")
          .keyedBy("as_of", "org", "session_key")
          .published()
          .build();

  public static final TableDeclaration ORCHESTRATOR_LEADERBOARD =
      TableDeclaration.builder(Layer.GOLD, "orchestrator_leaderboard")
          .comment(
              "One row per (as_of, window, orchestrator, pipeline) with attributed"
                  + " streaming_sla_hourly rows whose window_start is in (as_of - window, as_of]:"
                  + " the reference §3.3 leaderboard score recomputed from the summed hourly"
                  + " primitives (all orgs, models and GPUs together), its inputs and their"
                  + " min-max normalisation across the orchestrators of the same window and"
                  + " pipeline, the session-weighted SLA score and the volume behind it.")
          .required("as_of", timestamp(), "The run's as-of time (a parameter).")
          .required("as_of_date", date(), "UTC date of as_of. Partition.")
          .required("window_label", string(), "24h or 7d.")
          .required(
              "window_start",
              timestamp(),
              "as_of minus the window: hours starting after it are included.")
          .required(
              "window_end", timestamp(), "as_of: hours starting at or before it are included.")
          .required(
              "orchestrator_address",
              string(),
              "streaming_sla_hourly.orchestrator_address (rows without one are not ranked).")
          .optional("pipeline", string(), "streaming_sla_hourly.pipeline; null when unknown.")
          .required(
              "methodology_version",
              string(),
              LEADERBOARD_METHODOLOGY + ": the score formula and normalisation described here.")
          .required(
              "rank",
              integer(),
              "1 = best: position by leaderboard_score descending within (as_of, window,"
                  + " pipeline), equal scores ordered by orchestrator_address ascending (no shared"
                  + " ranks).")
          .required(
              "leaderboard_score",
              float64(),
              "100 * (0.30 * fps_component + 0.30 * degraded_component + 0.20 *"
                  + " volume_component + 0.20 * latency_component), in [0, 100].")
          .required(
              "fps_component",
              float64(),
              "Min-max normalised avg_output_fps: (x - min) / (max - min) over the window and"
                  + " pipeline; 1.0 when all orchestrators with a value are equal; 0 when null.")
          .required(
              "degraded_component",
              float64(),
              "1 - min-max normalised degraded_rate; 1.0 when all are equal (the reference's"
                  + " 'all-equal -> 1.0' applied to the term, so equal rates cost nobody); 0 when"
                  + " null.")
          .required(
              "volume_component",
              float64(),
              "Min-max normalised session_hours (streams handled); 1.0 when all are equal.")
          .required(
              "latency_component",
              float64(),
              "1 - min-max normalised avg_e2e_latency_ms; 1.0 when all are equal; 0 when null.")
          .optional(
              "avg_output_fps",
              float64(),
              "Σ output_fps_sum / Σ fps_positive_samples (0-fps samples excluded); null without"
                  + " fps-positive samples.")
          .optional(
              "degraded_rate",
              float64(),
              "Σ (running_samples - online_samples) / Σ status_samples: the share of status"
                  + " samples in DEGRADED_INPUT or DEGRADED_INFERENCE; null without samples.")
          .optional(
              "avg_e2e_latency_ms",
              float64(),
              "Σ e2e_latency_sum_ms / Σ e2e_latency_count (the trace E2E proxy); null without"
                  + " samples.")
          .optional(
              "sla_score",
              float64(),
              "Session-weighted SLA score: Σ (sla_score * requested_sessions) / Σ"
                  + " requested_sessions over the hourly rows with a score; null when none.")
          .measure(
              "hourly_rows",
              bigint(),
              "streaming_sla_hourly rows summed (hours x orgs x models x GPUs).")
          .measure("requested_sessions", bigint(), "Σ requested_sessions (session-hours).")
          .measure("session_hours", bigint(), "Σ session_hours: the volume input.")
          .measure("status_samples", bigint(), "Σ status_samples.")
          .measure("fps_positive_samples", bigint(), "Σ fps_positive_samples.")
          .measure("output_fps_sum", float64(), "Σ output_fps_sum.")
          .measure("running_samples", bigint(), "Σ running_samples.")
          .measure("online_samples", bigint(), "Σ online_samples.")
          .measure("e2e_latency_sum_ms", bigint(), "Σ e2e_latency_sum_ms.")
          .measure("e2e_latency_count", bigint(), "Σ e2e_latency_count.")
          .required("is_settled", bool(), AS_OF_SETTLED)
          .partitionedBy("as_of_date")
          .keyedBy("as_of", "window_label", "orchestrator_address", "pipeline")
          .published()
          .build();

  public static final TableDeclaration ORCHESTRATORS =
      TableDeclaration.builder(Layer.GOLD, "orchestrators")
          .comment(
              "One row per orchestrator on-chain address announced at or before as_of (every"
                  + " org; org-agnostic as the reference's api_current_orchestrator): its"
                  + " surfaces, hot-wallet addresses and node version, and what it offers now:"
                  + " the latest announcement of each surface (orch_address, orch_uri) made in"
                  + " the 24 hours before as_of. A surface silent for 24 hours offers nothing.")
          .required("as_of", timestamp(), "The run's as-of time (a parameter).")
          .required("as_of_date", date(), "UTC date of as_of. Partition.")
          .required(
              "orchestrator_address",
              string(),
              "Canonical (on-chain) address, lower-case (silver.orchestrator_snapshots).")
          .required(
              "orch_uris",
              arrayOf(string()),
              "Service URIs announced (normalised), distinct, sorted; every announcement up to"
                  + " as_of.")
          .required(
              "local_addresses",
              arrayOf(string()),
              "Hot-wallet (local) addresses announced, distinct, sorted: what live events report"
                  + " as the orchestrator address.")
          .optional(
              "node_version",
              string(),
              "go-livepeer version of the latest announcement that reports one.")
          .required(
              "pipelines",
              arrayOf(string()),
              "Pipelines offered (silver.capability_offers) by the current announcements,"
                  + " distinct, sorted; empty when none is current.")
          .required(
              "model_ids",
              arrayOf(string()),
              "Models offered by the current announcements, distinct, sorted.")
          .required(
              "physical_gpus",
              bigint(),
              "Distinct physical GPUs (silver.gpu_uuid_map row covering the sighting; a UUID"
                  + " without one counts as its own GPU) the current announcements list.")
          .required(
              "reported_gpu_uuids",
              bigint(),
              "Distinct GPU UUIDs the current announcements list (the reference's count).")
          .required(
              "gpu_model_names",
              arrayOf(string()),
              "GPU model names (silver.gpu_hardware.gpu_name) of those GPUs, distinct, sorted.")
          .required("surfaces", bigint(), "Distinct (address, URI) surfaces ever announced.")
          .required(
              "current_surfaces",
              bigint(),
              "Surfaces with an announcement in the 24 hours before as_of.")
          .required("first_seen", timestamp(), "First announcement (snapshot_ts) of the address.")
          .required("last_seen", timestamp(), "Latest announcement at or before as_of.")
          .measure("announcements", bigint(), "Announcements of the address up to as_of.")
          .required("is_settled", bool(), AS_OF_SETTLED)
          .partitionedBy("as_of_date")
          .keyedBy("as_of", "orchestrator_address")
          .published()
          .build();

  public static final TableDeclaration NETWORK_SUMMARY_HOURLY =
      TableDeclaration.builder(Layer.GOLD, "network_summary_hourly")
          .comment(
              "One row per UTC hour with announcements, demand, payments or jobs, over every org:"
                  + " supply (orchestrators announcing, physical GPUs sighted), live-video demand"
                  + " at the sessions' start hour (gold.streaming_demand_hourly), expected fees"
                  + " (gold.payments_hourly) and request/response jobs"
                  + " (gold.request_demand_hourly). An hour missing from a source counts 0 there.")
          .required("window_start", timestamp(), "UTC hour.")
          .required("window_date", date(), "UTC date of window_start. Partition.")
          .required(
              "active_orchestrators",
              bigint(),
              "Distinct orchestrator addresses with an announcement (silver.orchestrator_snapshots"
                  + " snapshot_ts) in the hour. Not additive.")
          .required(
              "physical_gpus",
              bigint(),
              "Distinct physical GPUs listed by the hour's announcements (silver.gpu_uuid_map"
                  + " covering the sighting; a UUID without one counts as its own). Not additive.")
          .required(
              "reported_gpu_uuids",
              bigint(),
              "Distinct (address, GPU UUID) listed by the hour's announcements. Not additive.")
          .measure(
              "requested_sessions",
              bigint(),
              "Σ streaming_demand_hourly.requested_sessions: requested sessions that started in"
                  + " the hour.")
          .measure(
              "startup_success_sessions",
              bigint(),
              "Σ streaming_demand_hourly.startup_success_sessions (served demand).")
          .optional(
              "startup_success_rate",
              float64(),
              "startup_success_sessions / requested_sessions; null when none requested.")
          .measure(
              "usage_minutes",
              float64(),
              "Σ streaming_demand_hourly.usage_minutes: whole durations of the sessions that"
                  + " started in the hour.")
          .measure(
              "expected_fees_wei",
              decimal(38, 10),
              "Σ payments_hourly.expected_value_wei: fees orchestrators expect to win from the"
                  + " hour's ticket batches, exact.")
          .measure("payment_events", bigint(), "Σ payments_hourly.payment_events.")
          .measure("jobs", bigint(), "Σ request_demand_hourly.jobs (AI batch, LLM, BYOC).")
          .required("is_settled", bool(), HOUR_SETTLED)
          .partitionedBy("window_date")
          .keyedBy("window_start")
          .published()
          .build();

  public static final TableDeclaration DATA_QUALITY_HOURLY =
      TableDeclaration.builder(Layer.GOLD, "data_quality_hourly")
          .comment(
              "One row per (UTC event hour, org, event family) with events: where the bronze"
                  + " events went in silver, how many arrived late, and for live-video signal"
                  + " families how well their orchestrator selections were attributed."
                  + " ops.silver_reconciliation is per silver run and event type, with no hour or"
                  + " org, so the counts here are derived from the rows themselves: bronze"
                  + " deliveries (bronze.raw_events), typed events (the silver typed tables),"
                  + " silver.ignored_events, silver.quarantine, ops.late_events and"
                  + " silver.session_selections. Events are placed by their envelope event time;"
                  + " events without one have no hour and are left out, as are unreadable"
                  + " envelopes (bronze.quarantine: no family, no event time).")
          .required("window_start", timestamp(), "UTC hour of the events' event_ts.")
          .required("window_date", date(), "UTC date of window_start. Partition.")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .required(
              "family",
              string(),
              "Envelope type as sent (the event family; an ignored unsupported family keeps its"
                  + " name).")
          .measure(
              "bronze_rows",
              bigint(),
              "bronze.raw_events rows (Kafka deliveries of readable envelopes).")
          .measure(
              "duplicate_deliveries",
              bigint(),
              "bronze_rows - distinct envelope ids among them: deliveries beyond the first of an"
                  + " id, which silver drops (worker_lifecycle deduplicates on data.id instead;"
                  + " its count here is by envelope id).")
          .measure(
              "accepted_events",
              bigint(),
              "Distinct envelope ids stored in the family's typed table (an array event fanned"
                  + " out into several rows counts once).")
          .measure(
              "ignored_events",
              bigint(),
              "silver.ignored_events rows: deliveries the routing rules ignore (reference §1.3).")
          .measure(
              "quarantined_events",
              bigint(),
              "Distinct envelope ids in silver.quarantine with no typed row: events of a known"
                  + " family with nothing storable.")
          .measure(
              "partially_quarantined_events",
              bigint(),
              "Distinct envelope ids in silver.quarantine that also have typed rows (some"
                  + " elements broke the contract; counted in accepted_events too).")
          .measure(
              "late_events",
              bigint(),
              "Σ ops.late_events.events of the hour (event_hour), org and type: events that"
                  + " arrived behind the org's event-time high-water mark, either disposition.")
          .measure(
              "late_events_beyond_horizon",
              bigint(),
              "The late events with disposition beyond_horizon: stored but not recomputed into"
                  + " published history.")
          .optional(
              "latest_event_ts",
              timestamp(),
              "Largest event_ts among the hour's accepted events; null when none was accepted.")
          .measure(
              "selections",
              bigint(),
              "silver.session_selections rows whose selection_ts is in the hour and whose signal"
                  + " (signal_family) is of this family: orchestrator selections to attribute.")
          .measure("resolved_selections", bigint(), "Those with attribution_status resolved.")
          .measure(
              "hardware_less_selections", bigint(), "Those with attribution_status hardware_less.")
          .optional(
              "attribution_quality",
              float64(),
              "(resolved_selections + hardware_less_selections) / selections; null without"
                  + " selections.")
          .required("is_settled", bool(), HOUR_SETTLED)
          .partitionedBy("window_date")
          .keyedBy("window_start", "org", "family")
          .published()
          .build();

  /** Every table declared here. */
  public static List<TableDeclaration> all() {
    return List.of(
        ACTIVE_SESSIONS,
        ORCHESTRATOR_LEADERBOARD,
        ORCHESTRATORS,
        NETWORK_SUMMARY_HOURLY,
        DATA_QUALITY_HOURLY);
  }

  private GoldNetworkTables() {}
}
