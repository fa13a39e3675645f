package io.naaplake.jobs.silver.entities;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.to_date;

import io.naaplake.jobs.lake.DeltaWrites;
import io.naaplake.jobs.lake.Projections;
import io.naaplake.jobs.silver.attribution.Attribution;
import io.naaplake.jobs.silver.session.SelectionSignals;
import io.naaplake.jobs.silver.session.SessionTransform;
import io.naaplake.schema.SelectionTables;
import io.naaplake.schema.SessionTables;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.schema.events.EventFamily;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Live sessions: every session with an eligible new event is recomputed from all its events —
 * session row, status hours and attributed selections — and replaced in one MERGE per table.
 */
final class SessionStage {
  static final List<String> SESSION = List.of("org", "session_key");
  private static final EventFamily[] FAMILIES = {
    EventFamily.STREAM_TRACE, EventFamily.AI_STREAM_STATUS, EventFamily.AI_STREAM_EVENTS
  };

  private SessionStage() {}

  /** The recomputed sessions (org, session_key, request_id) and the hours they touch. */
  record Result(Dataset<Row> sessions, Dataset<Row> dirtyHours) {}

  static Result run(EntityRun run) {
    Dataset<Row> dirty = dirtySessions(run).persist(StorageLevel.MEMORY_AND_DISK());
    LocalDate since = earliestDate(run, dirty);
    if (since == null) {
      dirty.unpersist();
      Dataset<Row> none = run.read(SessionTables.SESSIONS).limit(0);
      return new Result(
          none.select("org", "session_key", "request_id"), DirtyHours.of(none, "start_hour"));
    }
    Dataset<Row> trace = history(run, EventFamily.STREAM_TRACE, dirty, since);
    Dataset<Row> status = history(run, EventFamily.AI_STREAM_STATUS, dirty, since);
    Dataset<Row> events = history(run, EventFamily.AI_STREAM_EVENTS, dirty, since);

    Dataset<Row> sessions =
        SessionTransform.sessions(trace, status, events).persist(StorageLevel.MEMORY_AND_DISK());
    replace(run, SessionTables.SESSIONS, sessions, dirty);
    Dataset<Row> hours =
        SessionTransform.sessionHours(sessions, status).persist(StorageLevel.MEMORY_AND_DISK());
    replace(run, SessionTables.SESSION_HOURS, hours, dirty);
    Dataset<Row> selections =
        SelectionSignals.selections(trace, status, events)
            .withColumn(
                Attribution.SELECTION_KEY,
                concat_ws("|", col("session_key"), col("selection_seq").cast("string")))
            .withColumn("selection_date", to_date(col("selection_ts")))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> attributed =
        Attribution.attribute(selections, Evidence.covering(run, selections), run.windows);
    replace(run, SelectionTables.SESSION_SELECTIONS, attributed, dirty);

    Dataset<Row> dirtyHours =
        DirtyHours.of(sessions, "start_hour")
            .unionByName(DirtyHours.of(hours, "hour"))
            .unionByName(DirtyHours.of(selections, "selection_ts"))
            .distinct()
            .localCheckpoint();
    Dataset<Row> recomputed = sessions.select("org", "session_key", "request_id").localCheckpoint();
    for (Dataset<Row> done : List.of(trace, status, events, sessions, hours, selections, dirty)) {
      done.unpersist();
    }
    return new Result(recomputed, dirtyHours);
  }

  /** Sessions that the run's eligible events belong to. */
  private static Dataset<Row> dirtySessions(EntityRun run) {
    Dataset<Row> keys = null;
    for (EventFamily family : FAMILIES) {
      Dataset<Row> familyKeys =
          keyed(run.eligible(family)).select("org", "session_key", "event_date");
      keys = keys == null ? familyKeys : keys.unionByName(familyKeys);
    }
    return keys.where(col("session_key").isNotNull())
        .groupBy("org", "session_key")
        .agg(min("event_date").as("fresh_date"));
  }

  private static Dataset<Row> keyed(Dataset<Row> rows) {
    return rows.withColumn(
        "session_key",
        SessionTransform.sessionKey(col("org"), col("stream_id"), col("request_id")));
  }

  /**
   * The earliest date any event of a dirty session can have: its stored first_seen for known
   * sessions, else the date of its earliest new event. Reads older than this are pruned.
   */
  private static LocalDate earliestDate(EntityRun run, Dataset<Row> dirty) {
    Row fresh = dirty.agg(min("fresh_date")).first();
    if (fresh.isNullAt(0)) {
      return null;
    }
    LocalDate earliest = fresh.getDate(0).toLocalDate();
    Row stored =
        CapabilityStage.semiJoin(run.read(SessionTables.SESSIONS), dirty, SESSION)
            .agg(min("first_seen"))
            .first();
    if (!stored.isNullAt(0)) {
      LocalDate first = stored.getTimestamp(0).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
      earliest = first.isBefore(earliest) ? first : earliest;
    }
    return earliest;
  }

  private static Dataset<Row> history(
      EntityRun run, EventFamily family, Dataset<Row> dirty, LocalDate since) {
    Dataset<Row> rows = keyed(run.readSince(SilverTables.of(family), since));
    return CapabilityStage.semiJoin(rows, dirty, SESSION)
        .drop("session_key")
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static void replace(
      EntityRun run, TableDeclaration table, Dataset<Row> rows, Dataset<Row> dirty) {
    DeltaWrites.replaceEntities(
        Projections.of(rows, table), dirty, run.tables.path(table), SESSION, table.keyColumns());
  }
}
