package io.naaplake.jobs.silver.session;

import static io.naaplake.jobs.silver.session.SessionSignals.EVENT_TIME;
import static io.naaplake.jobs.silver.session.SessionSignals.OBSERVED_ADDRESS;
import static io.naaplake.jobs.silver.session.SessionSignals.OBSERVED_URL;
import static io.naaplake.jobs.silver.session.SessionSignals.PIPELINE_ID_TEXT;
import static io.naaplake.jobs.silver.session.SessionSignals.PIPELINE_TEXT;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.naaplake.schema.SessionTables;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Orchestrator selections within live sessions (reference §2.8 step 1): which orchestrator the
 * session's events name, and when that changes.
 *
 * <p>A signal's identity is its observed address (the hot wallet) else its URL. In session order:
 *
 * <ul>
 *   <li>the first signal with an identity is the {@code initial} selection;
 *   <li>after an {@code orchestrator_swap} trace, the next signal with an identity is a {@code
 *       swap} selection (whatever it names: the gateway re-selected). The swap trace itself names
 *       the orchestrator being abandoned, so it counts as a sighting of the old selection, not of
 *       the new one; several swaps before the next sighting make one selection;
 *   <li>otherwise a signal naming a different identity than the previous sighting is an {@code
 *       orch_change_fallback} selection (a change the gateway did not announce).
 * </ul>
 *
 * Params, GPU and model changes are not selections. A session whose events never name an
 * orchestrator has none: no identity is invented.
 */
public final class SelectionSignals {
  static final String REASON = "selection_reason";
  static final String SEQ = "selection_seq";
  static final String INITIAL = "initial";
  static final String SWAP = "swap";
  static final String ORCH_CHANGE = "orch_change_fallback";

  private static final String IDENTITY = "_identity";
  private static final String IS_SWAP = "_is_swap";
  private static final String SWAPS_BEFORE = "_swaps_before";
  private static final String PREVIOUS_IDENTITY = "_previous_identity";
  private static final String SWAPS_AT_PREVIOUS = "_swaps_at_previous_sighting";
  private static final String PIPELINE_AROUND = "_pipeline_id_around";
  private static final String MODEL_AROUND = "_pipeline_around";

  private SelectionSignals() {}

  /**
   * One row per selection, columns {@link SessionTables#SELECTION_COLUMNS} in order. Inputs are the
   * typed silver tables stream_trace, ai_stream_status and ai_stream_events (all events of the
   * sessions to derive; any order).
   */
  public static Dataset<Row> selections(
      Dataset<Row> trace, Dataset<Row> status, Dataset<Row> events) {
    Dataset<Row> selected =
        flag(SessionSignals.of(trace, status, events)).where(col(REASON).isNotNull());
    return io.naaplake.jobs.lake.Projections.of(
        selected,
        SessionTables.SELECTION_COLUMNS,
        Map.of(
            "selection_ts",
            EVENT_TIME,
            "signal_event_id",
            SessionSignals.EVENT_ID,
            "pipeline_hint",
            "canonical_pipeline_hint",
            "model_hint",
            "canonical_model_hint"));
  }

  /**
   * The signals with {@link #REASON} (null unless the signal is a selection), {@link #SEQ} (the
   * selection's 0-based number, meaningful on selections) and the canonical hints around each
   * signal ({@code canonical_pipeline_hint}, {@code canonical_model_hint}).
   */
  static Dataset<Row> flag(Dataset<Row> signals) {
    WindowSpec ordered = SessionSignals.ordered();
    WindowSpec before = ordered.rowsBetween(Window.unboundedPreceding(), -1);
    WindowSpec upToHere = ordered.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    WindowSpec whole =
        ordered.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Column identity = col(IDENTITY);
    Column sighting = identity.isNotNull();
    Column previousIdentity = col(PREVIOUS_IDENTITY);
    Column swapPending = col(SWAPS_BEFORE).gt(coalesce(col(SWAPS_AT_PREVIOUS), lit(0)));
    return signals
        .withColumn(IDENTITY, coalesce(col(OBSERVED_ADDRESS), col(OBSERVED_URL)))
        .withColumn(IS_SWAP, SessionSignals.is(SessionSignals.TRACE, "orchestrator_swap"))
        .withColumn(
            SWAPS_BEFORE, coalesce(sum(when(col(IS_SWAP), 1).otherwise(0)).over(before), lit(0L)))
        .withColumn(PREVIOUS_IDENTITY, last(identity, true).over(before))
        .withColumn(SWAPS_AT_PREVIOUS, last(when(sighting, col(SWAPS_BEFORE)), true).over(before))
        .withColumn(
            REASON,
            when(sighting.and(previousIdentity.isNull()), INITIAL)
                .when(sighting.and(swapPending), SWAP)
                .when(sighting.and(identity.notEqual(previousIdentity)), ORCH_CHANGE))
        .withColumn(SEQ, sum(when(col(REASON).isNotNull(), 1).otherwise(0)).over(upToHere).minus(1))
        .withColumn(PIPELINE_AROUND, around(col(PIPELINE_ID_TEXT), upToHere, whole))
        .withColumn(MODEL_AROUND, around(col(PIPELINE_TEXT), upToHere, whole))
        .withColumn(
            "canonical_pipeline_hint",
            ObservedHints.pipeline(col(PIPELINE_AROUND), col(MODEL_AROUND)))
        .withColumn(
            "canonical_model_hint", ObservedHints.model(col(PIPELINE_AROUND), col(MODEL_AROUND)))
        .drop(
            IDENTITY,
            IS_SWAP,
            SWAPS_BEFORE,
            PREVIOUS_IDENTITY,
            SWAPS_AT_PREVIOUS,
            PIPELINE_AROUND,
            MODEL_AROUND);
  }

  /**
   * The hint on or latest before the signal, else the session's first. (A frame running to the end
   * of the session would cost quadratic time in Spark; the whole-partition frame is computed once.)
   */
  private static Column around(Column hint, WindowSpec upToHere, WindowSpec whole) {
    return coalesce(last(hint, true).over(upToHere), first(hint, true).over(whole));
  }
}
