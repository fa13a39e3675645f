package io.naaplake.schema;

import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import java.util.List;

/**
 * The revisions log: every published gold row that a later run changed or removed, with its old and
 * new values. A reader who quoted a number can find out whether, when and why it moved.
 */
public final class GoldRevisionTables {

  public static final TableDeclaration REVISIONS =
      TableDeclaration.builder(Layer.GOLD, "revisions")
          .comment(
              "One row per gold row a run changed or removed after an earlier run had written it:"
                  + " the table, the row's key, its values before and after (JSON objects of every"
                  + " column, keys in declaration order, decimals as exact strings), and the run."
                  + " Rows written for the first time are not revisions. A run that recomputes a"
                  + " window and gets the same values writes nothing here.")
          .required("run_id", string(), "The gold run that wrote the change (ops.job_runs.run_id).")
          .required("revised_at", timestamp(), "The run's run time (not the wall clock), UTC.")
          .required("revised_date", date(), "UTC date of revised_at. Partition.")
          .required("table_name", string(), "Qualified gold table, e.g. gold.streaming_sla_hourly.")
          .required(
              "row_key",
              string(),
              "JSON object of the row's key columns (declaration order); null keys are JSON null.")
          .optional(
              "window_date",
              date(),
              "The row's window date (its partition), when the table has one.")
          .required("change", string(), "updated (values changed) or removed (no longer produced).")
          .required("old_values", string(), "JSON object of the row as it was published.")
          .optional("new_values", string(), "JSON object of the row now; null when removed.")
          .partitionedBy("revised_date")
          .keyedBy("run_id", "table_name", "row_key")
          .published()
          .build();

  public static List<TableDeclaration> all() {
    return List.of(REVISIONS);
  }

  private GoldRevisionTables() {}
}
