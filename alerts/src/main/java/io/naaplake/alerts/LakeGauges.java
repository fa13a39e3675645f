package io.naaplake.alerts;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the {@link LakeMetric} gauges from the lake through Trino, as of a given time (never the
 * wall clock: the caller passes "now"). Freshness and runs look at everything at or before the
 * as-of time; the ratios cover the window of whole hours before the as-of time's hour (see {@link
 * AlertsConfig}), summed from the gold hourly primitives (never averaged ratios). A table that does
 * not exist yet (a lake before its first gold run) yields no series, so its alerts are unknown.
 *
 * <p>Semantics follow the API's {@code /v1/network/health} document where it has the quantity:
 * freshness = newest {@code latest_event_ts} of gold.data_quality_hourly in the 7 days before, gold
 * age = as-of time minus the newest finished gold run's run time, attribution = (resolved +
 * hardware_less) / selections, late ratio = late / accepted events.
 */
public final class LakeGauges implements GaugeSource {
  static final Duration FRESHNESS_LOOKBACK = Duration.ofDays(7);
  static final Duration FAILED_RUNS_WINDOW = Duration.ofHours(1);
  static final String GOLD_JOB = "gold";

  private final AlertsConfig config;
  private final TrinoReader trino;

  public LakeGauges(AlertsConfig config) {
    this.config = requireNonNull(config, "config is null");
    this.trino = new TrinoReader(config);
  }

  /**
   * Every gauge as of {@code asOf}.
   *
   * @throws io.naaplake.errors.NaapException RETRIABLE when Trino cannot be reached
   */
  @Override
  public GaugeReadings read(Instant asOf) {
    requireNonNull(asOf, "asOf is null");
    Window window = new Window(config.windowStart(asOf), AlertsConfig.windowEnd(asOf));
    Set<String> tables = tables();
    List<GaugeSample> samples = new ArrayList<>();
    samples.add(GaugeSample.of(LakeMetric.UP, 1));
    samples.add(GaugeSample.of(LakeMetric.AS_OF, seconds(asOf)));
    if (tables.contains("ops.job_runs")) {
      jobs(asOf, samples);
    }
    if (tables.contains("gold.data_quality_hourly")) {
      freshness(asOf, samples);
      dataQuality(window, samples);
    }
    if (tables.contains("gold.streaming_sla_hourly")) {
      slaCoverage(window, samples);
    }
    if (tables.contains("gold.streaming_demand_hourly")) {
      unservedDemand(window, samples);
    }
    if (tables.contains("gold.request_jobs")) {
      duplicateJobs(window, samples);
    }
    return new GaugeReadings(asOf, samples);
  }

  private Set<String> tables() {
    Set<String> tables = new HashSet<>();
    for (Map<String, Object> row :
        trino.rows(
            "SELECT table_schema || '.' || table_name AS t FROM "
                + quoted(trino.catalog())
                + ".information_schema.tables WHERE table_schema IN ('gold', 'ops')")) {
      tables.add((String) row.get("t"));
    }
    return tables;
  }

  private void jobs(Instant asOf, List<GaugeSample> samples) {
    List<Map<String, Object>> rows =
        trino.rows(
            "SELECT job, max_by(status, finished_at) AS last_status,"
                + " to_unixtime(max(run_time)) AS last_run_time,"
                + " to_unixtime(max(CASE WHEN status <> 'failed' THEN run_time END))"
                + " AS last_finished_run_time,"
                + " to_unixtime(min(CASE WHEN status = 'failed' THEN run_time END))"
                + " AS first_failed_run_time,"
                + " count_if(status = 'failed' AND run_time > from_iso8601_timestamp(?))"
                + " AS failed_last_hour"
                + " FROM "
                + table("ops", "job_runs")
                + " WHERE run_time <= from_iso8601_timestamp(?) GROUP BY job ORDER BY job",
            asOf.minus(FAILED_RUNS_WINDOW),
            asOf);
    double now = seconds(asOf);
    for (Map<String, Object> row : rows) {
      String job = (String) row.get("job");
      boolean failed = "failed".equals(row.get("last_status"));
      Double lastFinished = number(row.get("last_finished_run_time"));
      samples.add(GaugeSample.of(LakeMetric.JOB_LAST_RUN, number(row.get("last_run_time")), job));
      samples.add(GaugeSample.of(LakeMetric.JOB_LAST_RUN_FAILED, failed ? 1 : 0, job));
      double since = lastFinished != null ? lastFinished : number(row.get("first_failed_run_time"));
      samples.add(GaugeSample.of(LakeMetric.JOB_UNSUCCESSFUL, failed ? now - since : 0, job));
      samples.add(
          GaugeSample.of(
              LakeMetric.JOB_FAILED_RUNS_LAST_HOUR, amount(row.get("failed_last_hour")), job));
      if (job.equals(GOLD_JOB) && lastFinished != null) {
        samples.add(GaugeSample.of(LakeMetric.GOLD_AGE, now - lastFinished));
      }
    }
  }

  private void freshness(Instant asOf, List<GaugeSample> samples) {
    Window lookback = new Window(asOf.minus(FRESHNESS_LOOKBACK), asOf);
    List<Map<String, Object>> rows =
        trino.rows(
            "SELECT org, family, to_unixtime(max(latest_event_ts)) AS latest FROM "
                + table("gold", "data_quality_hourly")
                + " WHERE window_start >= from_iso8601_timestamp(?)"
                + " AND window_start <= from_iso8601_timestamp(?)"
                + " AND window_date >= CAST(? AS date) AND window_date <= CAST(? AS date)"
                // As of a time, events stamped after it are not yet known.
                + " AND latest_event_ts <= from_iso8601_timestamp(?)"
                + " GROUP BY org, family ORDER BY org, family",
            lookback.start(),
            lookback.end(),
            lookback.firstDate(),
            lookback.lastDate(),
            asOf);
    double now = seconds(asOf);
    for (Map<String, Object> row : rows) {
      samples.add(
          GaugeSample.of(
              LakeMetric.EVENT_FRESHNESS,
              now - number(row.get("latest")),
              (String) row.get("org"),
              (String) row.get("family")));
    }
  }

  private void dataQuality(Window window, List<GaugeSample> samples) {
    List<Map<String, Object>> rows =
        trino.rows(
            "SELECT org, family, sum(bronze_rows) AS bronze_rows,"
                + " sum(duplicate_deliveries) AS duplicates, sum(accepted_events) AS accepted,"
                + " sum(quarantined_events) AS quarantined, sum(late_events) AS late,"
                + " sum(selections) AS selections,"
                + " sum(resolved_selections) + sum(hardware_less_selections) AS attributed FROM "
                + table("gold", "data_quality_hourly")
                + window.where("window_start", "window_date")
                + " GROUP BY org, family ORDER BY org, family",
            window.parameters());
    Map<String, double[]> byOrg = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      String org = (String) row.get("org");
      double[] sums = byOrg.computeIfAbsent(org, o -> new double[7]);
      String[] columns = {
        "bronze_rows", "duplicates", "accepted", "quarantined", "late", "selections", "attributed"
      };
      for (int i = 0; i < columns.length; i++) {
        sums[i] += amount(row.get(columns[i]));
      }
      samples.add(
          GaugeSample.of(
              LakeMetric.BRONZE_ROWS,
              amount(row.get("bronze_rows")),
              org,
              (String) row.get("family")));
    }
    byOrg.forEach(
        (org, s) -> {
          ratio(samples, LakeMetric.DUPLICATE_DELIVERY_RATIO, org, s[1], s[0]);
          samples.add(GaugeSample.of(LakeMetric.CONTRACT_EVENTS, s[2] + s[3], org));
          ratio(samples, LakeMetric.QUARANTINE_RATIO, org, s[3], s[2] + s[3]);
          ratio(samples, LakeMetric.LATE_RATIO, org, s[4], s[2]);
          ratio(samples, LakeMetric.ATTRIBUTION_RATIO, org, s[6], s[5]);
        });
  }

  private void slaCoverage(Window window, List<GaugeSample> samples) {
    for (Map<String, Object> row :
        perOrg(
            "sum(status_samples) AS samples, sum(requested_sessions) AS requested,"
                + " sum(health_signals_observed) AS observed,"
                + " sum(health_signals_expected) AS expected",
            "streaming_sla_hourly",
            "window_start",
            "window_date",
            window)) {
      String org = (String) row.get("org");
      double expected = amount(row.get("expected"));
      samples.add(GaugeSample.of(LakeMetric.STATUS_SAMPLES, amount(row.get("samples")), org));
      samples.add(
          GaugeSample.of(LakeMetric.REQUESTED_SESSION_HOURS, amount(row.get("requested")), org));
      // Reference §3.1: min(Σ observed / Σ expected, 1), and 1.0 when nothing was expected.
      double coverage = expected == 0 ? 1 : Math.min(amount(row.get("observed")) / expected, 1);
      samples.add(GaugeSample.of(LakeMetric.SLA_COVERAGE_RATIO, coverage, org));
    }
  }

  private void unservedDemand(Window window, List<GaugeSample> samples) {
    for (Map<String, Object> row :
        perOrg(
            "sum(requested_sessions) AS requested, sum(effective_failed_sessions) AS failed",
            "streaming_demand_hourly",
            "window_start",
            "window_date",
            window)) {
      String org = (String) row.get("org");
      double requested = amount(row.get("requested"));
      samples.add(GaugeSample.of(LakeMetric.REQUESTED_SESSIONS, requested, org));
      ratio(samples, LakeMetric.UNSERVED_DEMAND_RATIO, org, amount(row.get("failed")), requested);
    }
  }

  private void duplicateJobs(Window window, List<GaugeSample> samples) {
    for (Map<String, Object> row :
        perOrg(
            "count(*) - count(DISTINCT job_id_kind || '|' || job_id) AS duplicates",
            "request_jobs",
            "job_ts",
            "job_date",
            window)) {
      samples.add(
          GaugeSample.of(
              LakeMetric.DUPLICATE_JOB_ROWS,
              amount(row.get("duplicates")),
              (String) row.get("org")));
    }
  }

  /** Aggregates of a gold table's rows in the window, per org. */
  private List<Map<String, Object>> perOrg(
      String aggregates, String goldTable, String timeColumn, String dateColumn, Window window) {
    return trino.rows(
        "SELECT org, "
            + aggregates
            + " FROM "
            + table("gold", goldTable)
            + window.where(timeColumn, dateColumn)
            + " GROUP BY org ORDER BY org",
        window.parameters());
  }

  /** A ratio series, only when its denominator is positive (no evidence is no series). */
  private static void ratio(
      List<GaugeSample> samples, LakeMetric metric, String org, double part, double whole) {
    if (whole > 0) {
      samples.add(GaugeSample.of(metric, part / whole, org));
    }
  }

  private String table(String schema, String name) {
    return quoted(trino.catalog()) + "." + quoted(schema) + "." + quoted(name);
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static Double number(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }

  /** A sum or count: null (a sum over no non-null values) is 0. */
  private static double amount(Object value) {
    return value == null ? 0 : ((Number) value).doubleValue();
  }

  static double seconds(Instant time) {
    return time.getEpochSecond() + time.getNano() / 1e9;
  }

  /** [start, end) with the UTC dates it touches, for partition pruning. */
  private record Window(Instant start, Instant end) {
    String firstDate() {
      return start.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    String lastDate() {
      return end.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    String where(String column, String dateColumn) {
      return " WHERE "
          + column
          + " >= from_iso8601_timestamp(?) AND "
          + column
          + " < from_iso8601_timestamp(?) AND "
          + dateColumn
          + " >= CAST(? AS date) AND "
          + dateColumn
          + " <= CAST(? AS date)";
    }

    Object[] parameters() {
      return new Object[] {start, end, firstDate(), lastDate()};
    }
  }
}
