package io.naaplake.jobs.it;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import io.naaplake.jobs.gold.GoldJob;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.schema.GoldRevisionTables;
import io.naaplake.schema.TableDeclaration;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.junit.jupiter.api.Test;

/**
 * Gold is a function of silver: recomputing every window of the fixture lake changes nothing and
 * logs no revision, and emptying every gold table and rebuilding from silver gives the same rows
 * (every row of every table compared as JSON of all its columns, sorted).
 */
class GoldRebuildIT {

  @Test
  void rebuildFromSilverGivesIdenticalTables() {
    FixtureLake lake = FixtureLake.get();
    LakeTables tables = new LakeTables(SharedSpark.get(), lake.jobsConfig());
    Instant runTime = FixtureLake.LATE_RUN_TIME;
    Map<String, List<String>> published = contents(tables, runTime);
    assertThat(published.values().stream().mapToInt(List::size).sum())
        .as("gold rows in the fixture lake")
        .isPositive();

    JobRun recomputed = goldJob(lake).rebuild(runTime);
    assertThat(recomputed.status()).isEqualTo(JobRun.Status.SUCCEEDED);
    assertThat(revisionsOf(tables, recomputed)).as("revisions of an unchanged rebuild").isZero();
    assertSame(published, contents(tables, runTime));

    for (TableDeclaration table : rebuiltTables()) {
      DeltaTable.forPath(SharedSpark.get(), tables.path(table)).delete();
    }
    assertThat(contents(tables, runTime).values()).allSatisfy(rows -> assertThat(rows).isEmpty());
    JobRun rebuilt = goldJob(lake).rebuild(runTime);
    assertThat(rebuilt.status()).isEqualTo(JobRun.Status.SUCCEEDED);
    assertThat(revisionsOf(tables, rebuilt)).as("new rows are not revisions").isZero();
    assertSame(published, contents(tables, runTime));
  }

  private static GoldJob goldJob(FixtureLake lake) {
    return new GoldJob(SharedSpark.get(), lake.jobsConfig(), Clock.systemUTC(), line -> {});
  }

  private static void assertSame(
      Map<String, List<String>> expected, Map<String, List<String>> got) {
    assertThat(got.keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (table, rows) -> {
          List<String> now = got.get(table);
          Optional<String> firstDifference =
              rows.stream().filter(r -> !now.contains(r)).findFirst();
          assertThat(now).as(table + " (first lost row: " + firstDifference + ")").isEqualTo(rows);
        });
  }

  private static List<TableDeclaration> rebuiltTables() {
    return GoldJob.outputTables().stream()
        .filter(table -> table != GoldRevisionTables.REVISIONS)
        .toList();
  }

  /**
   * Every row of every gold table as JSON of all its columns (nulls kept), sorted; of the tables
   * written per as-of time, the rows of {@code asOf} (a rebuild recomputes only its own).
   */
  private static Map<String, List<String>> contents(LakeTables tables, Instant asOf) {
    Map<String, List<String>> contents = new LinkedHashMap<>();
    for (TableDeclaration table : rebuiltTables()) {
      Column[] columns = table.columns().stream().map(c -> col(c.name())).toArray(Column[]::new);
      List<String> rows =
          SharedSpark.get()
              .read()
              .format("delta")
              .load(tables.path(table))
              .where(
                  table.column("as_of").isPresent()
                      ? col("as_of").equalTo(lit(java.sql.Timestamp.from(asOf)))
                      : lit(true))
              .select(to_json(struct(columns), Map.of("ignoreNullFields", "false")).as("json"))
              .orderBy("json")
              .collectAsList()
              .stream()
              .map(row -> row.getString(0))
              .toList();
      contents.put(table.qualifiedName(), rows);
    }
    return contents;
  }

  private static long revisionsOf(LakeTables tables, JobRun run) {
    return SharedSpark.get()
        .read()
        .format("delta")
        .load(tables.path(GoldRevisionTables.REVISIONS))
        .where(col("run_id").equalTo(lit(run.runId())))
        .count();
  }
}
