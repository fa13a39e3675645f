package io.naaplake.jobs.silver.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.silver.TypedEvents;
import io.naaplake.schema.events.EventFamily;
import io.naaplake.tools.EventsFile;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real 2026-01-08 export (65 events, one live session on rtav-orch2) through the bronze
 * classifier, the silver normalizer and the session transforms. Expected values are the issue's
 * "Must show" figures, re-derived below from the sample's timestamps.
 */
class RealSampleSessionTest {
  private static final Path SAMPLES =
      Path.of(System.getProperty("naap.test.samples-dir", "../../shared/samples"));
  private static final String KEY = "cloudspe|stream-o5s73x-mk5zc8fy|db936fab";

  private static List<Row> sessions;
  private static List<Row> hours;
  private static List<Row> selections;

  @BeforeAll
  static void derive() {
    SparkSession spark = LocalSpark.get();
    List<String> envelopes =
        EventsFile.read(SAMPLES.resolve("streaming-events-2026-01-08.kafka-ui.json"))
            .envelopes()
            .stream()
            .map(envelope -> new String(envelope.jsonBytes(), UTF_8))
            .toList();
    Dataset<Row> trace = TypedEvents.typed(spark, EventFamily.STREAM_TRACE, "cloudspe", envelopes);
    Dataset<Row> status =
        TypedEvents.typed(spark, EventFamily.AI_STREAM_STATUS, "cloudspe", envelopes);
    Dataset<Row> events =
        TypedEvents.typed(spark, EventFamily.AI_STREAM_EVENTS, "cloudspe", envelopes);
    Dataset<Row> derived = SessionTransform.sessions(trace, status, events).cache();
    sessions = derived.collectAsList();
    hours = SessionTransform.sessionHours(derived, status).collectAsList();
    selections = SelectionSignals.selections(trace, status, events).collectAsList();
  }

  private static Instant instant(Row row, String column) {
    return ((Timestamp) row.getAs(column)).toInstant();
  }

  @Test
  void oneRequestedPlayableOpenSession() {
    assertThat(sessions).hasSize(1);
    Row row = sessions.get(0);
    assertThat((String) row.getAs("session_key")).isEqualTo(KEY);
    assertThat((boolean) row.getAs("requested")).isTrue();
    assertThat((boolean) row.getAs("playable")).isTrue();
    // No gateway_ingest_stream_closed trace in the export.
    assertThat((boolean) row.getAs("completed")).isFalse();
    assertThat((String) row.getAs("startup_class")).isEqualTo("success");
    assertThat((Integer) row.getAs("swap_count")).isZero();
    assertThat((Integer) row.getAs("health_signals_observed")).isEqualTo(3);
  }

  @Test
  void latencies() {
    Row row = sessions.get(0);
    // Envelope times: first processed 1767908947953 - request 1767908945298.
    assertThat((Long) row.getAs("startup_latency_ms")).isEqualTo(2_655L);
    // runner_send_first_processed_segment 1767908947689 - first ingest 1767908947583.
    assertThat((Long) row.getAs("e2e_latency_ms")).isEqualTo(106L);
    // few processed 1767908952042 - status start_time 1767908945607.
    assertThat((Long) row.getAs("prompt_to_first_frame_ms")).isEqualTo(6_435L);
  }

  @Test
  void seventeenSamplesAllProducing() {
    Row row = sessions.get(0);
    // 17 status events, fps 9.8 to 17.3; 16 ONLINE and one DEGRADED_INFERENCE.
    assertThat((Long) row.getAs("status_samples")).isEqualTo(17L);
    assertThat((Long) row.getAs("fps_positive_samples")).isEqualTo(17L);
    assertThat((Long) row.getAs("running_samples")).isEqualTo(17L);
    assertThat((Long) row.getAs("online_samples")).isEqualTo(16L);
    assertThat((boolean) row.getAs("zero_output_fps")).isFalse();
    assertThat((boolean) row.getAs("ends_in_error")).isFalse();
    // One params hash (f2f41bce...) throughout.
    assertThat((Integer) row.getAs("params_updates")).isZero();
  }

  @Test
  void startHourAndDuration() {
    Row row = sessions.get(0);
    assertThat(instant(row, "started_at")).isEqualTo(Instant.ofEpochMilli(1767908945298L));
    assertThat(instant(row, "start_hour")).isEqualTo(Instant.parse("2026-01-08T21:00:00Z"));
    // Last status envelope 1767909115610 - request 1767908945298 = 170,312 ms.
    assertThat((Double) row.getAs("duration_minutes")).isCloseTo(170_312 / 60_000.0, within(1e-9));
    assertThat((String) row.getAs("canonical_pipeline")).isEqualTo("live-video-to-video");
    assertThat((String) row.getAs("canonical_model")).isEqualTo("streamdiffusion-sdxl-faceid");
  }

  @Test
  void oneStatusHourCarryingTheLatencies() {
    assertThat(hours).hasSize(1);
    Row hour = hours.get(0);
    assertThat(instant(hour, "hour")).isEqualTo(Instant.parse("2026-01-08T21:00:00Z"));
    assertThat((Long) hour.getAs("status_samples")).isEqualTo(17L);
    assertThat((boolean) hour.getAs("terminal_tail")).isFalse();
    assertThat((boolean) hour.getAs("is_first_status_hour")).isTrue();
    assertThat((Long) hour.getAs("startup_latency_ms")).isEqualTo(2_655L);
    // latency_ms is absent from the sample's status payloads.
    assertThat((Long) hour.getAs("e2e_latency_samples")).isZero();
  }

  @Test
  void oneInitialSelectionOfRtavOrch2() {
    assertThat(selections).hasSize(1);
    Row selection = selections.get(0);
    assertThat((String) selection.getAs("selection_reason")).isEqualTo("initial");
    assertThat((Integer) selection.getAs("selection_seq")).isZero();
    assertThat((String) selection.getAs("observed_url"))
        .isEqualTo("https://rtav-orch2.xodeapp.xyz:28935");
    assertThat((String) selection.getAs("observed_address"))
        .isEqualTo("0x52cf2968b3dc6016778742d3539449a6597d5954");
    // The first trace naming it: gateway_send_first_ingest_segment at 1767908947583.
    assertThat(instant(selection, "selection_ts")).isEqualTo(Instant.ofEpochMilli(1767908947583L));
    assertThat((String) selection.getAs("signal_family")).isEqualTo("stream_trace");
    assertThat((String) selection.getAs("pipeline_hint")).isEqualTo("live-video-to-video");
    assertThat((String) selection.getAs("model_hint")).isEqualTo("streamdiffusion-sdxl-faceid");
  }
}
