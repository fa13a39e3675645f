package io.naaplake.jobs.gold.network;

import static io.naaplake.jobs.gold.demand.SilverRows.at;
import static io.naaplake.jobs.gold.demand.SilverRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.gold.demand.SilverRows;
import io.naaplake.schema.CapabilityTables;
import io.naaplake.schema.GoldDemandTables;
import io.naaplake.schema.GoldEconomicsTables;
import io.naaplake.schema.GoldNetworkTables;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class NetworkSummaryTest {
  private static final String X = "0x0000000000000000000000000000000000000001";
  private static final String Y = "0x0000000000000000000000000000000000000002";
  private static final String H10 = "2026-01-08T10:00:00Z";
  private static final String H11 = "2026-01-08T11:00:00Z";
  private static final String H12 = "2026-01-08T12:00:00Z";

  private static Map<String, Object> snapshot(String address, String time) {
    return row(
        "org",
        "acme",
        "event_id",
        address + time,
        "orch_address",
        address,
        "snapshot_ts",
        at(time));
  }

  private static Map<String, Object> gpu(String address, String time, String uuid) {
    return row(
        "org",
        "acme",
        "event_id",
        address + time,
        "orch_address",
        address,
        "snapshot_ts",
        at(time),
        "pipeline",
        "live-video-to-video",
        "model_id",
        "sdxl",
        "gpu_uuid",
        uuid);
  }

  private static Map<String, Object> mapRow(String uuid, String from, String to) {
    return row(
        "orch_address",
        X,
        "orch_uri",
        "",
        "gpu_uuid",
        uuid,
        "physical_gpu_id",
        "pgpu-1",
        "first_seen",
        at(from),
        "last_seen",
        at(to));
  }

  @Test
  void supplyDemandFeesAndJobsPerHour() {
    Dataset<Row> snapshots =
        SilverRows.of(
            CapabilityTables.ORCHESTRATOR_SNAPSHOTS,
            snapshot(X, "2026-01-08T10:05:00Z"),
            snapshot(X, "2026-01-08T10:30:00Z"),
            snapshot(Y, "2026-01-08T10:40:00Z"),
            snapshot(X, "2026-01-08T11:10:00Z"));
    // X's one physical GPU is reported as GPU-A, then GPU-B (UUID churn); Y's GPU-C has no map
    // row and counts as itself.
    Dataset<Row> hardware =
        SilverRows.of(
            CapabilityTables.GPU_HARDWARE,
            gpu(X, "2026-01-08T10:05:00Z", "GPU-A"),
            gpu(X, "2026-01-08T10:30:00Z", "GPU-B"),
            gpu(Y, "2026-01-08T10:40:00Z", "GPU-C"),
            gpu(X, "2026-01-08T11:10:00Z", "GPU-B"));
    Dataset<Row> uuidMap =
        SilverRows.of(
            CapabilityTables.GPU_UUID_MAP,
            mapRow("GPU-A", "2026-01-08T10:05:00Z", "2026-01-08T10:05:00Z"),
            mapRow("GPU-B", "2026-01-08T10:30:00Z", "2026-01-08T11:10:00Z"));
    Dataset<Row> demand =
        SilverRows.of(
            GoldDemandTables.STREAMING_DEMAND_HOURLY,
            row(
                "window_start",
                at(H10),
                "gateway",
                "gw-1",
                "requested_sessions",
                3,
                "startup_success_sessions",
                2,
                "usage_minutes",
                10.5),
            row(
                "window_start",
                at(H10),
                "gateway",
                "gw-2",
                "requested_sessions",
                1,
                "startup_success_sessions",
                1,
                "usage_minutes",
                4.5),
            row(
                "window_start",
                at(H12),
                "requested_sessions",
                2,
                "startup_success_sessions",
                0,
                "usage_minutes",
                1.0));
    Dataset<Row> payments =
        SilverRows.of(
            GoldEconomicsTables.PAYMENTS_HOURLY,
            row(
                "window_start",
                at(H10),
                "sender",
                "s1",
                "expected_value_wei",
                new BigDecimal("1.5"),
                "payment_events",
                1),
            row(
                "window_start",
                at(H10),
                "sender",
                "s2",
                "expected_value_wei",
                new BigDecimal("2.25"),
                "payment_events",
                2),
            row(
                "window_start",
                at(H11),
                "expected_value_wei",
                new BigDecimal("0.0000000001"),
                "payment_events",
                1));
    Dataset<Row> jobs =
        SilverRows.of(
            GoldDemandTables.REQUEST_DEMAND_HOURLY,
            row("window_start", at(H11), "job_type", "llm", "jobs", 5),
            row("window_start", at(H11), "job_type", "byoc", "jobs", 2));

    Dataset<Row> result =
        NetworkSummary.hourly(
            snapshots, hardware, uuidMap, demand, payments, jobs, at("2026-01-08T11:30:00Z"));

    SilverRows.assertDeclared(result, GoldNetworkTables.NETWORK_SUMMARY_HOURLY);
    Map<Instant, Row> rows = new HashMap<>();
    for (Row row : result.collectAsList()) {
      rows.put(row.<Timestamp>getAs("window_start").toInstant(), row);
    }
    assertThat(rows).hasSize(3);
    Row h10 = rows.get(at(H10));
    Row h11 = rows.get(at(H11));
    Row h12 = rows.get(at(H12));
    // 10:00: X and Y announce; GPU-A and GPU-B are pgpu-1, GPU-C itself: 2 physical, 3 UUIDs.
    assertThat(h10.<Long>getAs("active_orchestrators")).isEqualTo(2L);
    assertThat(h10.<Long>getAs("physical_gpus")).isEqualTo(2L);
    assertThat(h10.<Long>getAs("reported_gpu_uuids")).isEqualTo(3L);
    // Demand 3 + 1 requested, 2 + 1 succeeded: 3 / 4; usage 10.5 + 4.5.
    assertThat(h10.<Long>getAs("requested_sessions")).isEqualTo(4L);
    assertThat(h10.<Long>getAs("startup_success_sessions")).isEqualTo(3L);
    assertThat(h10.<Double>getAs("startup_success_rate")).isEqualTo(0.75);
    assertThat(h10.<Double>getAs("usage_minutes")).isEqualTo(15.0);
    // Fees 1.5 + 2.25 wei, exact.
    assertThat(h10.<BigDecimal>getAs("expected_fees_wei")).isEqualByComparingTo("3.75");
    assertThat(h10.<Long>getAs("payment_events")).isEqualTo(3L);
    assertThat(h10.<Long>getAs("jobs")).isZero();
    assertThat(h10.<Boolean>getAs("is_settled")).isTrue();
    // 11:00: X only, GPU-B = pgpu-1; 5 + 2 jobs; no demand: rate null, not 0.
    assertThat(h11.<Long>getAs("active_orchestrators")).isEqualTo(1L);
    assertThat(h11.<Long>getAs("physical_gpus")).isEqualTo(1L);
    assertThat(h11.<Long>getAs("jobs")).isEqualTo(7L);
    assertThat(h11.<Long>getAs("requested_sessions")).isZero();
    assertThat(h11.<Double>getAs("startup_success_rate")).isNull();
    assertThat(h11.<BigDecimal>getAs("expected_fees_wei")).isEqualByComparingTo("0.0000000001");
    // Ends 12:00 > 11:30.
    assertThat(h11.<Boolean>getAs("is_settled")).isFalse();
    // 12:00: demand only; 0 of 2 succeeded is a rate of 0.
    assertThat(h12.<Long>getAs("active_orchestrators")).isZero();
    assertThat(h12.<Double>getAs("startup_success_rate")).isEqualTo(0.0);
    assertThat(h12.<BigDecimal>getAs("expected_fees_wei")).isEqualByComparingTo("0");
  }
}
