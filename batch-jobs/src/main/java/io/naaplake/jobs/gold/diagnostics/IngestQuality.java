package io.naaplake.jobs.gold.diagnostics;

import static io.naaplake.jobs.gold.GoldWindows.indicator;
import static io.naaplake.jobs.gold.GoldWindows.ratio;
import static io.naaplake.jobs.gold.GoldWindows.total;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;

import io.naaplake.jobs.gold.GoldWindows;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.jobs.silver.Identity;
import io.naaplake.jobs.silver.session.SessionTransform;
import io.naaplake.schema.GoldDiagnosticsTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver.stream_ingest_metrics to gold.ingest_quality_hourly: per UTC hour, org, gateway and
 * pipeline, the ingest connection statistics of the first video and the first audio track of each
 * sample (the reference's reading of the track array) and the producer's good/bad rating. Samples
 * are placed by event time (envelope, else payload timestamp); those with neither are left out.
 */
public final class IngestQuality {
  private static final String[] TRACKS = {"video", "audio"};
  private static final String[][] METRICS = {
    {"jitter", "jitter", "jitter"},
    {"packet_loss_pct", "packet_loss_pct", "packet_loss"},
    {"rtt", "rtt", "rtt"}
  };

  private IngestQuality() {}

  /**
   * The hourly rows of the samples given (pass every sample of each hour to recompute).
   *
   * @param ingestMetrics silver.stream_ingest_metrics rows
   * @param sessions silver.sessions rows of the samples' sessions, for the pipeline; a sample whose
   *     session is not given has a null pipeline
   * @param settledBefore an hour is settled when it ends at or before this instant
   */
  public static Dataset<Row> hourly(
      Dataset<Row> ingestMetrics, Dataset<Row> sessions, Instant settledBefore) {
    Dataset<Row> pipelines =
        sessions.select(
            col("org").as("s_org"),
            col("session_key").as("s_session_key"),
            col("canonical_pipeline"));
    Dataset<Row> samples =
        ingestMetrics
            .select(
                col("org"),
                coalesce(col("event_ts"), col("timestamp")).as("event_time"),
                Identity.text(col("gateway")).as("gateway"),
                SessionTransform.sessionKey(col("org"), col("stream_id"), col("request_id"))
                    .as("session_key"),
                lower(trim(col("stats_conn_quality"))).as("quality"),
                firstTrack("video").as("video"),
                firstTrack("audio").as("audio"))
            .where(col("event_time").isNotNull());
    Dataset<Row> placed =
        samples.join(
            pipelines,
            col("org").equalTo(col("s_org")).and(col("session_key").equalTo(col("s_session_key"))),
            "left");
    List<Column> measures = new ArrayList<>();
    measures.add(
        total(indicator(col("quality").isNotNull().and(col("quality").notEqual(""))))
            .as("quality_rated_samples"));
    measures.add(total(indicator(col("quality").equalTo("bad"))).as("bad_quality_samples"));
    for (String track : TRACKS) {
      for (String[] metric : METRICS) {
        Column value = col(track + "." + metric[1]).cast("double");
        measures.add(total(value).cast("double").as(track + "_" + metric[0] + "_sum"));
        measures.add(count(value).as(track + "_" + metric[2] + "_samples"));
      }
    }
    measures.add(count_distinct(col("session_key")).as("streams"));
    Dataset<Row> rows =
        placed
            .groupBy(
                GoldWindows.hourOf(col("event_time")).as("window_start"),
                col("org"),
                col("gateway"),
                col("canonical_pipeline").as("pipeline"))
            .agg(count(lit(1)).as("samples"), measures.toArray(new Column[0]))
            .withColumn("window_date", GoldWindows.utcDate(col("window_start")))
            .withColumn("is_settled", GoldWindows.hourSettled(col("window_start"), settledBefore));
    return Projections.of(withRates(rows), GoldDiagnosticsTables.INGEST_QUALITY_HOURLY);
  }

  /**
   * Ingest quality over {@code [from, to)} from hourly rows: sums per (org, gateway, pipeline), the
   * share and averages recomputed from them (distinct streams need the samples and are not
   * carried).
   */
  public static Dataset<Row> overWindow(Dataset<Row> hourly, Instant from, Instant to) {
    return withRates(
        GoldWindows.rollUp(hourly, GoldDiagnosticsTables.INGEST_QUALITY_HOURLY, from, to));
  }

  private static Dataset<Row> withRates(Dataset<Row> rows) {
    Dataset<Row> result =
        rows.withColumn(
            "bad_quality_share", ratio(col("bad_quality_samples"), col("quality_rated_samples")));
    for (String track : TRACKS) {
      for (String[] metric : METRICS) {
        result =
            result.withColumn(
                "avg_" + track + "_" + metric[0],
                ratio(
                    col(track + "_" + metric[0] + "_sum"),
                    col(track + "_" + metric[2] + "_samples")));
      }
    }
    return result;
  }

  /** The first element of stats_track_stats whose type is the given one; null when none. */
  private static Column firstTrack(String type) {
    return expr(
        "try_element_at(filter(stats_track_stats, t -> lower(trim(t.type)) = '" + type + "'), 1)");
  }
}
