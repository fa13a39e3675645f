package io.naaplake.jobs.silver.session;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/** Status-sample counters per session and UTC hour, flagged and credited (reference §2.7). */
final class SessionHourRollup {
  private SessionHourRollup() {}

  /**
   * @param sessions session rows (silver.sessions columns) of every session in {@code status}
   * @param status typed silver.ai_stream_status rows
   */
  static Dataset<Row> of(Dataset<Row> sessions, Dataset<Row> status) {
    Dataset<Row> counters = counters(SessionSignals.statusSamples(status));
    Dataset<Row> spans =
        sessions.select(
            col("org").as("s_org"),
            col("session_key").as("s_session_key"),
            col("started_at"),
            col("last_seen"),
            col("first_status_hour"),
            col("startup_latency_ms").as("s_startup_latency_ms"),
            col("e2e_latency_ms").as("s_e2e_latency_ms"),
            col("prompt_to_first_frame_ms").as("s_prompt_to_first_frame_ms"));
    Dataset<Row> hours =
        counters.join(
            spans,
            col("org").equalTo(col("s_org")).and(col("session_key").equalTo(col("s_session_key"))));
    return credited(flagged(hours));
  }

  private static Dataset<Row> counters(Dataset<Row> samples) {
    Column fps = col(SessionSignals.OUTPUT_FPS);
    Column state = col(SessionSignals.STATE);
    Column latency = col(SessionSignals.STATUS_LATENCY_MS);
    Column latencyReported = latency.gt(0);
    return samples
        .withColumn("hour", date_trunc("hour", col(SessionSignals.EVENT_TIME)))
        .groupBy(col("org"), col("session_key"), col("hour"))
        .agg(
            count(lit(1)).as("status_samples"),
            countWhere(fps.gt(0)).as("fps_positive_samples"),
            countWhere(state.isin(SessionRollup.RUNNING_STATES.toArray())).as("running_samples"),
            countWhere(state.equalTo("ONLINE")).as("online_samples"),
            countWhere(col(SessionSignals.LAST_ERROR).isNotNull()).as("error_samples"),
            count(fps).as("output_fps_samples"),
            coalesce(sum(fps), lit(0.0)).as("output_fps_sum"),
            coalesce(sum(fps.multiply(fps)), lit(0.0)).as("output_fps_sum_squares"),
            coalesce(sum(when(latencyReported, latency)), lit(0.0)).as("e2e_latency_sum_ms"),
            countWhere(latencyReported).as("e2e_latency_samples"),
            max(col(SessionSignals.RESTART_COUNT)).as("restart_count_max"));
  }

  /**
   * Terminal tail: the session started before the hour and ended in it, and this hour and the
   * previous clock hour are both quiet (no fps-positive sample, no running sample, fewer than 3
   * samples). A previous hour without samples is quiet.
   */
  private static Dataset<Row> flagged(Dataset<Row> hours) {
    Column hour = col("hour");
    Column quiet =
        col("fps_positive_samples")
            .equalTo(0)
            .and(col("running_samples").equalTo(0))
            .and(col("status_samples").lt(3));
    WindowSpec byHour = Window.partitionBy(col("org"), col("session_key")).orderBy(hour);
    Column previousIsClockHourBefore = lag(hour, 1).over(byHour).equalTo(hour.minus(oneHour()));
    Column previousQuiet =
        when(coalesce(previousIsClockHourBefore, lit(false)), lag(quiet, 1).over(byHour))
            .otherwise(lit(true));
    Column endedInHour = col("last_seen").geq(hour).and(col("last_seen").lt(hour.plus(oneHour())));
    return hours.withColumn(
        "terminal_tail", col("started_at").lt(hour).and(endedInHour).and(quiet).and(previousQuiet));
  }

  /** Session-level latencies go to the first status hour only, so hourly sums count them once. */
  private static Dataset<Row> credited(Dataset<Row> hours) {
    Column first = col("hour").equalTo(col("first_status_hour"));
    return hours
        .withColumn("hour_date", to_date(col("hour")))
        .withColumn("is_first_status_hour", first)
        .withColumn("startup_latency_ms", when(first, col("s_startup_latency_ms")))
        .withColumn("e2e_latency_ms", when(first, col("s_e2e_latency_ms")))
        .withColumn("prompt_to_first_frame_ms", when(first, col("s_prompt_to_first_frame_ms")));
  }

  private static Column oneHour() {
    return expr("INTERVAL 1 HOUR");
  }

  private static Column countWhere(Column condition) {
    return count(when(condition, lit(true)));
  }
}
