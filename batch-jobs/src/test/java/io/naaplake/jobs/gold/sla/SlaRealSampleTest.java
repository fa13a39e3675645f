package io.naaplake.jobs.gold.sla;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.to_date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.silver.SilverWindows;
import io.naaplake.jobs.silver.TypedEvents;
import io.naaplake.jobs.silver.attribution.Attribution;
import io.naaplake.jobs.silver.attribution.AttributionEvidence;
import io.naaplake.jobs.silver.capability.CapabilityInventoryTransform;
import io.naaplake.jobs.silver.session.SelectionSignals;
import io.naaplake.jobs.silver.session.SessionTransform;
import io.naaplake.schema.GoldSlaTables;
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
 * The real 2026-01-08 export (one live session on rtav-orch2, 17 status samples, its orchestrator's
 * announcement) through the typed silver tables, sessions, session hours, selections and their
 * attribution, then the SLA transforms with no benchmark history: the "Must show" row.
 */
class SlaRealSampleTest {
  private static final Path SAMPLES =
      Path.of(System.getProperty("naap.test.samples-dir", "../../shared/samples"));
  private static final String ORG = "cloudspe";

  private static List<Row> hourly;

  @BeforeAll
  static void derive() {
    SparkSession spark = LocalSpark.get();
    List<String> envelopes =
        EventsFile.read(SAMPLES.resolve("streaming-events-2026-01-08.kafka-ui.json"))
            .envelopes()
            .stream()
            .map(envelope -> new String(envelope.jsonBytes(), UTF_8))
            .toList();
    // Each stage is materialised (as the job's Delta tables are): one plan over every stage
    // would take Catalyst minutes to optimise.
    Dataset<Row> trace = typed(spark, EventFamily.STREAM_TRACE, envelopes);
    Dataset<Row> status = typed(spark, EventFamily.AI_STREAM_STATUS, envelopes);
    Dataset<Row> events = typed(spark, EventFamily.AI_STREAM_EVENTS, envelopes);
    Dataset<Row> caps = typed(spark, EventFamily.NETWORK_CAPABILITIES, envelopes);

    Dataset<Row> sessions = SessionTransform.sessions(trace, status, events).localCheckpoint();
    Dataset<Row> sessionHours = SessionTransform.sessionHours(sessions, status).localCheckpoint();
    Dataset<Row> hardware = CapabilityInventoryTransform.hardware(caps).localCheckpoint();
    AttributionEvidence evidence =
        new AttributionEvidence(
            CapabilityInventoryTransform.snapshots(caps),
            CapabilityInventoryTransform.offers(caps),
            hardware,
            CapabilityInventoryTransform.physicalGpus(hardware).gpuUuidMap());
    Dataset<Row> selections =
        SelectionSignals.selections(trace, status, events)
            .withColumn(
                Attribution.SELECTION_KEY,
                concat_ws("|", col("session_key"), col("selection_seq").cast("string")))
            .withColumn("selection_date", to_date(col("selection_ts")));
    Dataset<Row> attributed =
        Attribution.attribute(selections, evidence, SilverWindows.DEFAULTS).localCheckpoint();

    Dataset<Row> primitives =
        SlaTransform.hourlyPrimitives(status, attributed, sessions, sessionHours).localCheckpoint();
    Dataset<Row> noBenchmarks = SilverRows.of(spark, GoldSlaTables.SLA_BENCHMARK_DAILY, List.of());
    hourly =
        SlaTransform.score(
                primitives,
                noBenchmarks,
                primitives.limit(0),
                Instant.parse("2026-01-10T00:00:00Z"))
            .collectAsList();
  }

  private static Dataset<Row> typed(
      SparkSession spark, EventFamily family, List<String> envelopes) {
    return TypedEvents.typed(spark, family, ORG, envelopes).localCheckpoint();
  }

  @Test
  void theSessionsHourOnRtavOrch2() {
    assertThat(hourly).hasSize(1);
    Row row = hourly.get(0);
    assertThat(((Timestamp) row.getAs("window_start")).toInstant())
        .isEqualTo(Instant.parse("2026-01-08T21:00:00Z"));
    assertThat(row.<String>getAs("org")).isEqualTo(ORG);
    assertThat(row.<String>getAs("orchestrator_address"))
        .isEqualTo("0xd00354656922168815fcd1e51cbddb9e359e3c7f");
    assertThat(row.<String>getAs("pipeline")).isEqualTo("live-video-to-video");
    assertThat(row.<String>getAs("model_id")).isEqualTo("streamdiffusion-sdxl-faceid");
    assertThat(row.<String>getAs("gpu_id")).isEqualTo("GPU-a8d13655-197b-2226-d09f-b4b81e07504b");
    assertThat(row.<String>getAs("gpu_model_name")).isNotBlank();
    assertThat(row.<String>getAs("sla_semantics_version")).isEqualTo("quality-benchmark-v1");
    assertThat(row.<Boolean>getAs("is_settled")).isTrue();

    assertThat(row.<Long>getAs("requested_sessions")).isEqualTo(1);
    assertThat(row.<Long>getAs("startup_success_sessions")).isEqualTo(1);
    assertThat(row.<Long>getAs("swapped_sessions")).isZero();
    assertThat(row.<Long>getAs("attribution_resolved_sessions")).isEqualTo(1);
    assertThat(row.<Long>getAs("status_samples")).isEqualTo(17);
    assertThat(row.<Long>getAs("fps_positive_samples")).isEqualTo(17);
    assertThat(row.<Long>getAs("attributed_status_samples")).isEqualTo(17);
    // Session latencies of RealSampleSessionTest, on the only (first) status hour.
    assertThat(row.<Long>getAs("startup_latency_sum_ms")).isEqualTo(2_655);
    assertThat(row.<Long>getAs("e2e_latency_sum_ms")).isEqualTo(106);
    assertThat(row.<Long>getAs("prompt_to_first_frame_sum_ms")).isEqualTo(6_435);
  }

  @Test
  void fpsOfTheSeventeenSamples() {
    Row row = hourly.get(0);
    // The 17 inference_status.fps values (9.79 to 17.30), all > 0: their mean, computed in double
    // by summing in sample order, is 15.999951534393748.
    assertThat(row.<Double>getAs("avg_output_fps")).isCloseTo(15.999951534393748, within(1e-9));
    // Sorted, p95 sits at rank 0.95·16 = 15.2, between the 16th (17.19078224438009) and 17th
    // (17.298215447072742) values: 17.19078... + 0.2·(17.29821... - 17.19078...) = 17.2122688849.
    assertThat(row.<Double>getAs("p95_output_fps")).isCloseTo(17.212268884918622, within(1e-9));
    // Population stddev / mean over the 17 samples.
    assertThat(row.<Double>getAs("fps_jitter_coefficient"))
        .isCloseTo(0.1163188197513049, within(1e-9));
  }

  @Test
  void scoreWithoutBenchmarkHistory() {
    Row row = hourly.get(0);
    assertThat(row.<Double>getAs("output_viability_rate")).isEqualTo(1.0);
    assertThat(row.<Double>getAs("no_swap_rate")).isEqualTo(1.0);
    assertThat(row.<Double>getAs("startup_success_rate")).isEqualTo(1.0);
    assertThat(row.<Double>getAs("health_signal_coverage_ratio")).isEqualTo(1.0);
    assertThat(row.<Long>getAs("benchmark_fps_rows")).isZero();
    for (String component :
        List.of("ptff_score", "e2e_score", "fps_score", "latency_score", "quality_score")) {
      assertThat(row.<Double>getAs(component)).as(component).isCloseTo(0.5, within(1e-12));
    }
    // reliability 0.4·1 + 0.2·1 + 0.4·1 = 1: 100 · 1 · (0.7·1 + 0.3·0.5) = 85.
    assertThat(row.<Double>getAs("reliability_score")).isEqualTo(1.0);
    assertThat(row.<Double>getAs("sla_score")).isCloseTo(85.0, within(1e-9));
  }
}
