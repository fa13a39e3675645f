package io.naaplake.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.lake.Projections;
import io.naaplake.schema.GoldRevisionTables;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.TableDeclaration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold.revisions rows: what a recomputation changed in rows an earlier run had published.
 *
 * <p>Rows are matched on the table's key (as JSON, so null keys match null keys). A matched row is
 * revised when any column but {@code is_settled} differs (settling is not a change of value: the
 * flag turns true as time passes); a stored row the recomputation no longer produces is removed.
 * New rows are not revisions. Doubles compare to 12 significant digits: a sum of doubles may differ
 * in its last bits between two computations of the same rows (partial sums are merged in the order
 * shuffle blocks arrive), which is not a revision of the published number.
 */
public final class Revisions {
  private static final String SETTLED = "is_settled";
  private static final Map<String, String> KEEP_NULLS = Map.of("ignoreNullFields", "false");

  private Revisions() {}

  /**
   * @param stored the table's rows of the recomputed windows as published
   * @param fresh the recomputed rows of the same windows
   */
  public static Dataset<Row> of(
      TableDeclaration table,
      Dataset<Row> stored,
      Dataset<Row> fresh,
      String runId,
      Instant runTime) {
    Dataset<Row> old = describe(table, stored, "old");
    Dataset<Row> now = describe(table, fresh, "new");
    Dataset<Row> joined = old.join(now, old.col("old_key").equalTo(now.col("new_key")), "left");
    Column removed = col("new_key").isNull();
    Column changed = col("old_compared").notEqual(col("new_compared"));
    Timestamp revisedAt = Timestamp.from(runTime);
    Dataset<Row> revisions =
        joined
            .where(removed.or(changed))
            .select(
                lit(runId).as("run_id"),
                lit(revisedAt).as("revised_at"),
                GoldWindows.utcDate(lit(revisedAt)).as("revised_date"),
                lit(table.qualifiedName()).as("table_name"),
                col("old_key").as("row_key"),
                col("old_window").as("window_date"),
                when(removed, lit("removed")).otherwise(lit("updated")).as("change"),
                col("old_values"),
                col("new_values"));
    return Projections.of(revisions, GoldRevisionTables.REVISIONS);
  }

  private static Dataset<Row> describe(TableDeclaration table, Dataset<Row> rows, String side) {
    Column[] compared =
        table.columns().stream()
            .filter(column -> !column.name().equals(SETTLED))
            .map(Revisions::comparable)
            .toArray(Column[]::new);
    return rows.select(
        json(table.keyColumns()).as(side + "_key"),
        to_json(struct(compared), KEEP_NULLS).as(side + "_compared"),
        json(table.columns().stream().map(io.naaplake.schema.Column::name).toList())
            .as(side + "_values"),
        col(table.partitionColumns().get(0)).as(side + "_window"));
  }

  private static Column comparable(io.naaplake.schema.Column column) {
    Column value = col(column.name());
    if (column.type().equals(LakeType.float64())) {
      return format_string("%.12g", value).as(column.name());
    }
    return value;
  }

  private static Column json(List<String> columns) {
    return to_json(struct(columns.stream().map(c -> col(c)).toArray(Column[]::new)), KEEP_NULLS);
  }
}
