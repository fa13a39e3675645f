package io.naaplake.jobs.gold.network;

import static io.naaplake.jobs.gold.demand.SilverRows.at;
import static io.naaplake.jobs.gold.demand.SilverRows.row;
import static io.naaplake.jobs.gold.demand.SilverRows.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.gold.demand.SilverRows;
import io.naaplake.schema.BronzeTables;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.events.EventFamily;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DataQualityTest {
  private static final String TRACE = "stream_trace";
  private static final String CAPS = "network_capabilities";
  private static final String STATUS = "ai_stream_status";

  /** Lineage of an event of org acme; {@code time} null for an event without event time. */
  private static Map<String, Object> event(String id, String type, String time) {
    return row(
        "org",
        "acme",
        "event_id",
        id,
        "event_type",
        type,
        "event_ts",
        time == null ? null : at(time));
  }

  private static Map<String, Object> selection(int seq, String time, String family, String status) {
    return row(
        "org",
        "acme",
        "session_key",
        "acme|s|r",
        "selection_seq",
        seq,
        "selection_ts",
        at(time),
        "signal_family",
        family,
        "attribution_status",
        status);
  }

  @Test
  void whereEachHoursDeliveriesWent() {
    byte[] raw = new byte[0];
    Dataset<Row> bronze =
        SilverRows.of(
            BronzeTables.RAW_EVENTS,
            with(event("e1", TRACE, "2026-01-08T10:01:00Z"), "raw_value", raw),
            // e1 delivered twice.
            with(event("e1", TRACE, "2026-01-08T10:01:00Z"), "raw_value", raw, "kafka_offset", 1),
            with(event("e2", TRACE, "2026-01-08T10:02:00Z"), "raw_value", raw),
            with(event("e3", TRACE, "2026-01-08T10:03:00Z"), "raw_value", raw),
            with(event("e4", TRACE, "2026-01-08T10:04:00Z"), "raw_value", raw),
            // No event time: no hour.
            with(event("e5", TRACE, null), "raw_value", raw),
            with(event("n1", CAPS, "2026-01-08T10:10:00Z"), "raw_value", raw));
    Dataset<Row> lineage =
        DataQuality.lineage(
            List.of(
                SilverRows.of(
                    SilverTables.of(EventFamily.STREAM_TRACE),
                    event("e1", TRACE, "2026-01-08T10:01:00Z"),
                    event("e2", TRACE, "2026-01-08T10:02:00Z")),
                SilverRows.of(
                    SilverTables.of(EventFamily.NETWORK_CAPABILITIES),
                    // Two elements of one event: one accepted event.
                    with(event("n1", CAPS, "2026-01-08T10:10:00Z"), "element_index", 0),
                    with(event("n1", CAPS, "2026-01-08T10:10:00Z"), "element_index", 1))));
    Dataset<Row> ignored =
        SilverRows.of(SilverTables.IGNORED_EVENTS, event("e3", TRACE, "2026-01-08T10:03:00Z"));
    Dataset<Row> quarantine =
        SilverRows.of(
            SilverTables.QUARANTINE,
            // e4 broke two fields: one quarantined event.
            with(event("e4", TRACE, "2026-01-08T10:04:00Z"), "field", "data.a"),
            with(event("e4", TRACE, "2026-01-08T10:04:00Z"), "field", "data.b"),
            // n1's element 2 broke the contract; its siblings are stored.
            with(event("n1", CAPS, "2026-01-08T10:10:00Z"), "element_index", 2));
    Dataset<Row> late =
        SilverRows.of(
            OpsTables.LATE_EVENTS,
            row(
                "org",
                "acme",
                "event_type",
                TRACE,
                "event_hour",
                at("2026-01-08T10:00:00Z"),
                "disposition",
                "recomputed",
                "events",
                3),
            row(
                "org",
                "acme",
                "event_type",
                TRACE,
                "event_hour",
                at("2026-01-08T10:00:00Z"),
                "disposition",
                "beyond_horizon",
                "events",
                2));
    Dataset<Row> selections =
        SilverRows.of(
            SelectionTables.SESSION_SELECTIONS,
            selection(0, "2026-01-08T10:01:00Z", TRACE, "resolved"),
            selection(1, "2026-01-08T10:20:00Z", TRACE, "hardware_less"),
            selection(2, "2026-01-08T10:30:00Z", TRACE, "ambiguous"),
            selection(3, "2026-01-08T10:40:00Z", TRACE, "unresolved"),
            selection(4, "2026-01-08T11:05:00Z", STATUS, "resolved"));

    Dataset<Row> result =
        DataQuality.hourly(
            bronze, lineage, ignored, quarantine, late, selections, at("2026-01-08T11:00:00Z"));

    SilverRows.assertDeclared(result, GoldNetworkTables.DATA_QUALITY_HOURLY);
    Map<String, Row> rows = SilverRows.byKey(result, "family");
    assertThat(rows.keySet()).containsExactlyInAnyOrder(TRACE, CAPS, STATUS);

    Row trace = rows.get(TRACE);
    // Bronze at 10:00: e1, e1 again, e2, e3, e4 = 5 rows of 4 ids: 1 duplicate (e5 has no hour).
    assertThat(trace.<Long>getAs("bronze_rows")).isEqualTo(5L);
    assertThat(trace.<Long>getAs("duplicate_deliveries")).isEqualTo(1L);
    assertThat(trace.<Long>getAs("accepted_events")).isEqualTo(2L);
    assertThat(trace.<Long>getAs("ignored_events")).isEqualTo(1L);
    assertThat(trace.<Long>getAs("quarantined_events")).isEqualTo(1L);
    assertThat(trace.<Long>getAs("partially_quarantined_events")).isZero();
    // Late: 3 recomputed + 2 beyond the horizon.
    assertThat(trace.<Long>getAs("late_events")).isEqualTo(5L);
    assertThat(trace.<Long>getAs("late_events_beyond_horizon")).isEqualTo(2L);
    assertThat(trace.<Timestamp>getAs("latest_event_ts").toInstant())
        .isEqualTo(at("2026-01-08T10:02:00Z"));
    // Selections on trace signals: resolved 1 + hardware-less 1 of 4 = 0.5.
    assertThat(trace.<Long>getAs("selections")).isEqualTo(4L);
    assertThat(trace.<Double>getAs("attribution_quality")).isEqualTo(0.5);
    // The hour 10:00 ends at 11:00 <= 11:00.
    assertThat(trace.<Boolean>getAs("is_settled")).isTrue();

    Row caps = rows.get(CAPS);
    assertThat(caps.<Long>getAs("bronze_rows")).isEqualTo(1L);
    assertThat(caps.<Long>getAs("accepted_events")).isEqualTo(1L);
    assertThat(caps.<Long>getAs("quarantined_events")).isZero();
    assertThat(caps.<Long>getAs("partially_quarantined_events")).isEqualTo(1L);
    assertThat(caps.<Double>getAs("attribution_quality")).isNull();

    // 11:00, status signals: a selection and nothing else.
    Row status = rows.get(STATUS);
    assertThat(status.<Long>getAs("bronze_rows")).isZero();
    assertThat(status.<Long>getAs("selections")).isEqualTo(1L);
    assertThat(status.<Double>getAs("attribution_quality")).isEqualTo(1.0);
    assertThat(status.<Timestamp>getAs("latest_event_ts")).isNull();
    assertThat(status.<Boolean>getAs("is_settled")).isFalse();
  }
}
