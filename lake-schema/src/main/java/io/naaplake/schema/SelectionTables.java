package io.naaplake.schema;

import static io.naaplake.schema.LakeType.date;

/**
 * Orchestrator selections with their attribution: which orchestrator, URI and GPU served each
 * selection of each live session (reference §2.8). The selection columns come from {@link
 * SessionTables#SELECTION_COLUMNS}, the attribution columns from {@link AttributionColumns}.
 */
public final class SelectionTables {

  public static final TableDeclaration SESSION_SELECTIONS = build();

  private static TableDeclaration build() {
    TableDeclaration.Builder builder =
        TableDeclaration.builder(Layer.SILVER, "session_selections")
            .comment(
                "One row per orchestrator selection of a live session (initial, swap or"
                    + " orch_change_fallback) and the orchestrator, URI and GPU it is attributed"
                    + " to, with a status and reason. Recomputed with its session, and again when"
                    + " a late capability announcement covers it.");
    SessionTables.SELECTION_COLUMNS.forEach(builder::column);
    builder.required("selection_date", date(), "UTC date of selection_ts. Partition.");
    AttributionColumns.COLUMNS.forEach(builder::column);
    return builder
        .partitionedBy("selection_date")
        .keyedBy("org", "session_key", "selection_seq")
        .build();
  }

  private SelectionTables() {}
}
