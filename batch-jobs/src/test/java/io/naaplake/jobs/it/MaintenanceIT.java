package io.naaplake.jobs.it;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.tables.DeltaTable;
import io.naaplake.config.Settings;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.LakeTables;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.jobs.maintenance.MaintenanceConfig;
import io.naaplake.jobs.maintenance.MaintenanceJob;
import io.naaplake.jobs.maintenance.MaintenanceResult;
import io.naaplake.schema.BronzeTables;
import io.naaplake.schema.OpsTables;
import io.naaplake.schema.TableDeclaration;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintenance on a private lake (no Trino registration): {@code bronze.raw_events} gets 40 small
 * appends. Run time 2026-01-09T03:00Z: the three partitions 2026-01-07..09 are recent (lookback 2
 * days) and get 40 files each; 2025-12-01 (2 files) is neither recent nor expired; 2025-10-01 (2
 * files) is before 2025-10-11, the UTC date of run time - 90 days, so its rows are deleted.
 */
class MaintenanceIT {
  private static final Instant RUN_TIME = Instant.parse("2026-01-09T03:00:00Z");
  private static final List<String> RECENT = List.of("2026-01-07", "2026-01-08", "2026-01-09");
  private static final String KEPT_OLD = "2025-12-01";
  private static final String EXPIRED = "2025-10-01";
  private static final int APPENDS = 40;
  private static final int ROWS_PER_PARTITION = 5;
  private static final TableDeclaration RAW = BronzeTables.RAW_EVENTS;

  @TempDir static Path lakeRoot;

  private static SparkSession spark;
  private static JobsConfig config;
  private static String path;

  @BeforeAll
  static void createLake() {
    spark = SharedSpark.get();
    config =
        ItEnvironment.jobsConfig(
            Map.of("naap.lake.root", lakeRoot.toString(), "naap.trino.register", "false"));
    LakeTables tables = new LakeTables(spark, config);
    tables.ensure(RAW);
    path = tables.path(RAW);
  }

  @Test
  void compactsRecentPartitionsKeepsRowsAndTimeTravelAndDeletesExpiredData() {
    long started = System.nanoTime();
    int offset = 0;
    long midVersion = -1;
    for (int append = 0; append < APPENDS; append++) {
      List<String> partitions = new ArrayList<>(RECENT);
      if (append < 2) {
        partitions.add(KEPT_OLD);
        partitions.add(EXPIRED);
      }
      offset = append(partitions, offset);
      if (append == APPENDS / 2) {
        midVersion = version();
      }
    }
    long appendsMs = (System.nanoTime() - started) / 1_000_000;
    long versionBefore = version();
    Snapshot mid = Snapshot.of(readVersion(midVersion));
    Snapshot kept = Snapshot.of(read().where(col("event_date").notEqual(lit(EXPIRED))));
    long expiredRows = read().where(col("event_date").equalTo(lit(EXPIRED))).count();
    long filesBefore = activeFiles();
    // 40 appends x 3 recent partitions, plus 2 files in each of the two old partitions.
    assertThat(filesBefore).isEqualTo(APPENDS * 3 + 2 + 2);
    assertThat(expiredRows).isEqualTo(2 * ROWS_PER_PARTITION);

    started = System.nanoTime();
    MaintenanceResult result = job(MaintenanceConfig.DEFAULTS).run(spark, RUN_TIME);
    long maintenanceMs = (System.nanoTime() - started) / 1_000_000;

    // Each recent partition becomes one file; 2025-12-01 keeps its 2; 2025-10-01 is gone.
    assertThat(activeFiles()).isEqualTo(3 + 2);
    assertThat(Snapshot.of(read())).isEqualTo(kept);
    assertThat(Snapshot.of(readVersion(midVersion))).isEqualTo(mid);
    assertThat(
            DeltaTable.forPath(spark, path)
                .detail()
                .select("properties")
                .first()
                .<String, String>getJavaMap(0)
                .get("delta.deletedFileRetentionDuration"))
        .isEqualTo("interval 7 days");

    Dataset<Row> actions = opsActions(result.run().runId());
    assertThat(actions.where(col("table_name").equalTo(RAW.qualifiedName())).count()).isEqualTo(5);
    // Three tables exist: raw_events (5 actions) and the two ops tables the run writes (4 each).
    assertThat(actions.count()).isEqualTo(13);
    assertThat(actions.select("table_name", "action").distinct().count()).isEqualTo(13);
    assertThat(result.actions()).hasSize(13);
    Row retention = action(actions, "data_retention");
    assertThat(retention.<String>getAs("status")).isEqualTo("succeeded");
    assertThat(retention.<Long>getAs("rows_deleted")).isEqualTo(expiredRows);
    assertThat(retention.<Long>getAs("files_before")).isEqualTo(filesBefore);
    assertThat(retention.<Long>getAs("files_after")).isEqualTo(filesBefore - 2);
    Row optimize = action(actions, "optimize");
    assertThat(optimize.<String>getAs("status")).isEqualTo("succeeded");
    assertThat(optimize.<Long>getAs("files_before")).isEqualTo(APPENDS * 3L);
    assertThat(optimize.<Long>getAs("files_after")).isEqualTo(3L);
    assertThat(action(actions, "time_travel").<String>getAs("status")).isEqualTo("succeeded");
    assertThat(action(actions, "checkpoint").<String>getAs("status")).isEqualTo("succeeded");
    Row vacuum = action(actions, "vacuum");
    // Every removed file is younger than the 7 days of time travel: VACUUM keeps all of them.
    assertThat(vacuum.<Long>getAs("files_after")).isEqualTo(vacuum.<Long>getAs("files_before"));
    assertThat(vacuum.<Long>getAs("files_before")).isEqualTo(filesBefore + 3);
    assertThat(
            read(OpsTables.JOB_RUNS)
                .where(col("job").equalTo(MaintenanceJob.JOB_NAME))
                .select("status")
                .collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("succeeded");

    Row checkpoint = action(actions, "checkpoint");
    assertThat(checkpoint.<String>getAs("status")).isEqualTo("succeeded");
    assertThat(
            lakeRoot.resolve(
                String.format(
                    "bronze/raw_events/_delta_log/%020d.checkpoint.parquet",
                    checkpoint.<Long>getAs("version_after"))))
        .exists();

    // A repeat for the same run time, now without time travel: nothing is left to delete or
    // compact; VACUUM deletes every removed file, so the old versions can no longer be read.
    started = System.nanoTime();
    MaintenanceResult repeat =
        job(MaintenanceConfig.from(
                Settings.of(Map.of("naap.maintenance.bronze.time-travel", "0h"))))
            .run(spark, RUN_TIME);
    long repeatMs = (System.nanoTime() - started) / 1_000_000;
    Dataset<Row> repeated = opsActions(repeat.run().runId());
    for (String kind : List.of("data_retention", "optimize")) {
      assertThat(action(repeated, kind).<String>getAs("status")).as(kind).isEqualTo("skipped");
    }
    assertThat(action(repeated, "time_travel").<String>getAs("detail")).contains("interval 0 days");
    assertThat(action(repeated, "vacuum").<Long>getAs("files_after")).isEqualTo(3L + 2);
    assertThat(Snapshot.of(read())).isEqualTo(kept);
    long vacuumedVersion = midVersion;
    assertThatThrownBy(() -> readVersion(vacuumedVersion).count()).isInstanceOf(Exception.class);
    System.out.printf(
        "MaintenanceIT: %d appends in %d ms; maintenance %d ms (%d -> %d active files, %d rows"
            + " deleted); repeat without time travel %d ms; versions %d -> %d%n",
        APPENDS,
        appendsMs,
        maintenanceMs,
        filesBefore,
        activeFiles(),
        expiredRows,
        repeatMs,
        versionBefore,
        version());
  }

  private static MaintenanceJob job(MaintenanceConfig maintenance) {
    return new MaintenanceJob(
        config, maintenance, Clock.systemUTC(), m -> {}, "maintenance-it", Duration.ZERO);
  }

  /** Appends ROWS_PER_PARTITION rows to each partition, as one file per partition. */
  private static int append(List<String> partitions, int firstOffset) {
    List<Row> rows = new ArrayList<>();
    int offset = firstOffset;
    for (String partition : partitions) {
      for (int i = 0; i < ROWS_PER_PARTITION; i++) {
        rows.add(rawEvent(LocalDate.parse(partition), offset++));
      }
    }
    spark
        .createDataFrame(rows, SparkSchemas.structType(RAW))
        .coalesce(1)
        .write()
        .format("delta")
        .mode("append")
        .save(path);
    return offset;
  }

  private static Row rawEvent(LocalDate date, int offset) {
    Timestamp time = Timestamp.from(date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    byte[] value =
        ("{\"id\":\"e" + offset + "\",\"type\":\"stream_trace\"}").getBytes(StandardCharsets.UTF_8);
    return RowFactory.create(
        "e" + offset,
        "stream_trace",
        null,
        time,
        Date.valueOf(date),
        "cloudspe",
        null,
        null,
        "streaming_events",
        0,
        (long) offset,
        time,
        null,
        value,
        value.length,
        "hash" + offset,
        "ingest-it",
        0L,
        time);
  }

  private static Dataset<Row> read() {
    return read(RAW);
  }

  private static Dataset<Row> read(TableDeclaration table) {
    return spark.read().format("delta").load(new LakeTables(spark, config).path(table));
  }

  private static Dataset<Row> readVersion(long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path);
  }

  private static long version() {
    return DeltaTable.forPath(spark, path).history(1).first().getLong(0);
  }

  private static long activeFiles() {
    return DeltaTable.forPath(spark, path).detail().first().<Long>getAs("numFiles");
  }

  private static Dataset<Row> opsActions(String runId) {
    return read(OpsTables.MAINTENANCE_ACTIONS).where(col("run_id").equalTo(runId)).cache();
  }

  private static Row action(Dataset<Row> actions, String kind) {
    return actions
        .where(col("table_name").equalTo(RAW.qualifiedName()).and(col("action").equalTo(kind)))
        .first();
  }

  /** Row count and an order-independent checksum: the sum of each row's xxhash64. */
  private record Snapshot(long rows, BigDecimal checksum) {
    static Snapshot of(Dataset<Row> rows) {
      Column[] columns = Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new);
      Row row =
          rows.agg(
                  org.apache.spark.sql.functions.count(lit(1)),
                  sum(xxhash64(columns).cast("decimal(38,0)")))
              .first();
      return new Snapshot(row.getLong(0), row.getDecimal(1));
    }
  }
}
