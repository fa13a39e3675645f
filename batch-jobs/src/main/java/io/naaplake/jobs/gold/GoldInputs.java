package io.naaplake.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.naaplake.jobs.gold.network.DataQuality;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.schema.BronzeTables;
import io.naaplake.schema.CapabilityTables;
import io.naaplake.schema.GoldSlaTables;
import io.naaplake.schema.JobTables;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.schema.events.EventFamily;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The silver rows (and stored gold rows) a gold recomputation of every window from {@code from} on
 * reads.
 *
 * <p>Date-partitioned silver tables are read from one day before {@code from}: a window's rows only
 * need events of their own window, and the extra day covers what looks back a little (the offer
 * window of a payment just after midnight, a session's selection just before it). Sessions and
 * their selections are read by session key: every session that started in that range or has a
 * session hour in it, with all of its selections, so a session that started weeks ago and is still
 * streaming is complete. Benchmarks of the days before {@code from} and the hourly SLA rows of the
 * hour before it come from gold itself: nothing before {@code from} changed. The data-quality
 * inputs (bronze, the typed tables' lineage, ignored, quarantined and late events) are sliced the
 * same way.
 */
public record GoldInputs(
    LocalDate from,
    Dataset<Row> status,
    Dataset<Row> trace,
    Dataset<Row> streamEvents,
    Dataset<Row> ingestMetrics,
    Dataset<Row> discoveryResults,
    Dataset<Row> jobAuth,
    Dataset<Row> jobPayment,
    Dataset<Row> workerLifecycle,
    Dataset<Row> signedTickets,
    Dataset<Row> sessions,
    Dataset<Row> sessionHours,
    Dataset<Row> selections,
    Dataset<Row> aiBatchJobs,
    Dataset<Row> llmJobs,
    Dataset<Row> byocJobs,
    Dataset<Row> paymentLinks,
    Dataset<Row> offers,
    Dataset<Row> prices,
    Dataset<Row> hardware,
    Dataset<Row> uuidMap,
    Dataset<Row> storedBenchmarks,
    Dataset<Row> storedPriorHour,
    Dataset<Row> snapshots,
    Dataset<Row> bronze,
    Dataset<Row> typedLineage,
    Dataset<Row> ignored,
    Dataset<Row> quarantine,
    Dataset<Row> lateEvents) {

  /** Reads the inputs of a recomputation from {@code from} (UTC date) on. */
  public static GoldInputs read(SparkSession spark, LakeTables tables, LocalDate from) {
    return read(new Reader(spark, tables, from.minusDays(1), Optional.empty()), from);
  }

  /**
   * Reads the inputs of a recomputation of the windows of the days [{@code from}, {@code until})
   * only (a backfill): as {@link #read(SparkSession, LakeTables, LocalDate)}, with the
   * date-partitioned tables also cut one day after {@code until}. The day after is the same margin
   * as the day before: what a window's rows need of later events (an offer announced shortly after
   * a payment names the payment's pipeline) lies within it; sessions are still read whole. Rows of
   * later windows computed from these inputs are incomplete: keep only those of [from, until).
   */
  public static GoldInputs readWindow(
      SparkSession spark, LakeTables tables, LocalDate from, LocalDate until) {
    return read(new Reader(spark, tables, from.minusDays(1), Optional.of(until.plusDays(1))), from);
  }

  private static GoldInputs read(Reader reader, LocalDate from) {
    Dataset<Row> sessionHours = reader.sliced(SessionTables.SESSION_HOURS);
    Dataset<Row> keys =
        reader
            .sliced(SessionTables.SESSIONS)
            .select("org", "session_key")
            .unionByName(sessionHours.select("org", "session_key"))
            .distinct();
    Dataset<Row> sessions =
        reader.all(SessionTables.SESSIONS).join(keys, sessionKeyColumns(), "left_semi");
    Dataset<Row> selections =
        reader.all(SelectionTables.SESSION_SELECTIONS).join(keys, sessionKeyColumns(), "left_semi");
    Timestamp priorHour = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
    return new GoldInputs(
        from,
        reader.typed(EventFamily.AI_STREAM_STATUS),
        reader.typed(EventFamily.STREAM_TRACE),
        reader.typed(EventFamily.AI_STREAM_EVENTS),
        reader.typed(EventFamily.STREAM_INGEST_METRICS),
        reader.typed(EventFamily.DISCOVERY_RESULTS),
        reader.typed(EventFamily.JOB_AUTH),
        reader.typed(EventFamily.JOB_PAYMENT),
        reader.typed(EventFamily.WORKER_LIFECYCLE),
        reader.typed(EventFamily.CREATE_SIGNED_TICKET),
        sessions,
        sessionHours,
        selections,
        reader.sliced(JobTables.AI_BATCH_JOBS),
        reader.sliced(JobTables.LLM_JOBS),
        reader.sliced(JobTables.BYOC_JOBS),
        reader.sliced(JobTables.PAYMENT_LINKS),
        reader.sliced(CapabilityTables.CAPABILITY_OFFERS),
        reader.sliced(CapabilityTables.CAPABILITY_PRICES),
        reader.sliced(CapabilityTables.GPU_HARDWARE),
        reader.all(CapabilityTables.GPU_UUID_MAP),
        reader
            .all(GoldSlaTables.SLA_BENCHMARK_DAILY)
            .where(col("cohort_date").lt(lit(Date.valueOf(from)))),
        reader
            .all(GoldSlaTables.STREAMING_SLA_HOURLY)
            .where(
                col("window_start").equalTo(lit(new Timestamp(priorHour.getTime() - 3_600_000L)))),
        reader.sliced(CapabilityTables.ORCHESTRATOR_SNAPSHOTS),
        reader.sliced(BronzeTables.RAW_EVENTS),
        DataQuality.lineage(Arrays.stream(EventFamily.values()).map(reader::typed).toList()),
        reader.sliced(SilverTables.IGNORED_EVENTS),
        reader.sliced(SilverTables.QUARANTINE),
        reader
            .all(OpsTables.LATE_EVENTS)
            .where(col("event_hour").geq(lit(Timestamp.from(startOf(from.minusDays(1))))))
            .where(reader.before(col("event_hour"))));
  }

  private static java.time.Instant startOf(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** (org, session_key): the join key of sessions and their selections. */
  static scala.collection.immutable.Seq<String> sessionKeyColumns() {
    return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of("org", "session_key"))
        .toSeq();
  }

  /**
   * Reads whole tables, or their date partitions from a first date on (and, when {@code endDate} is
   * given, before it).
   */
  private record Reader(
      SparkSession spark, LakeTables tables, LocalDate firstDate, Optional<LocalDate> endDate) {
    Dataset<Row> all(TableDeclaration table) {
      return spark.read().format("delta").load(tables.path(table));
    }

    Dataset<Row> sliced(TableDeclaration table) {
      String partition = table.partitionColumns().get(0);
      return all(table)
          .where(col(partition).geq(lit(Date.valueOf(firstDate))))
          .where(endDate.map(end -> col(partition).lt(lit(Date.valueOf(end)))).orElse(lit(true)));
    }

    /** True for timestamps before the end date's midnight (UTC); always true without one. */
    Column before(Column timestamp) {
      return endDate.map(end -> timestamp.lt(lit(Timestamp.from(startOf(end))))).orElse(lit(true));
    }

    Dataset<Row> typed(EventFamily family) {
      return sliced(SilverTables.of(family));
    }
  }
}
