package io.naaplake.jobs.silver.capability;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import io.naaplake.schema.CapabilityTables;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Runs {@link GpuFingerprint} per orchestrator surface over silver.gpu_hardware rows of every org.
 * The fingerprint is sequential, so each surface's sightings are gathered in one group (a surface
 * reports a handful of GPUs per snapshot; a week of a busy one is some 10^5 sightings).
 */
final class PhysicalGpus {
  private static final String GPU = "gpu";
  private static final String UUID = "uuid";

  /** Both outputs in one schema, told apart by {@code kind}. */
  private static final StructType OUTPUT =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("kind", DataTypes.StringType, false),
              DataTypes.createStructField("physical_gpu_id", DataTypes.StringType, false),
              DataTypes.createStructField("orch_address", DataTypes.StringType, false),
              DataTypes.createStructField("orch_uri", DataTypes.StringType, false),
              DataTypes.createStructField("gpu_uuid", DataTypes.StringType, false),
              DataTypes.createStructField("gpu_name", DataTypes.StringType, true),
              DataTypes.createStructField("memory_gib", DataTypes.createDecimalType(10, 2), true),
              DataTypes.createStructField("first_seen", DataTypes.TimestampType, false),
              DataTypes.createStructField("last_seen", DataTypes.TimestampType, false),
              DataTypes.createStructField("uuid_count", DataTypes.IntegerType, false)));

  static PhysicalGpuTables of(Dataset<Row> hardwareRows) {
    // One sighting per (snapshot, UUID): a GPU serving several models is listed once per model.
    Dataset<Row> sightings =
        hardwareRows
            .where(col("snapshot_ts").isNotNull())
            .withColumn("orch_uri", coalesce(col("orch_uri"), lit("")))
            .groupBy(
                "orch_address",
                "orch_uri",
                "snapshot_ts",
                "event_id",
                "org",
                "element_index",
                "gpu_uuid")
            .agg(
                min(struct(col("pipeline"), col("model_id"), col("gpu_name"), col("memory_gib")))
                    .as("first"))
            .select(
                col("orch_address"),
                col("orch_uri"),
                col("snapshot_ts"),
                col("event_id"),
                col("org"),
                col("element_index"),
                col("gpu_uuid"),
                col("first.gpu_name").as("gpu_name"),
                col("first.memory_gib").as("memory_gib"));
    Dataset<Row> fingerprinted =
        sightings
            .groupByKey(
                (MapFunction<Row, String>)
                    row -> row.getAs("orch_address") + "|" + row.getAs("orch_uri"),
                Encoders.STRING())
            .flatMapGroups(new Fingerprint(), Encoders.row(OUTPUT));
    Dataset<Row> gpus =
        fingerprinted.where(col("kind").equalTo(GPU)).withColumn("current_uuid", col("gpu_uuid"));
    Dataset<Row> uuids = fingerprinted.where(col("kind").equalTo(UUID));
    return new PhysicalGpuTables(
        io.naaplake.jobs.lake.Projections.of(gpus, CapabilityTables.PHYSICAL_GPUS),
        io.naaplake.jobs.lake.Projections.of(uuids, CapabilityTables.GPU_UUID_MAP));
  }

  /** One surface: sightings sorted into snapshots, fed in time order, results as rows. */
  private static final class Fingerprint implements FlatMapGroupsFunction<String, Row, Row> {
    private static final Comparator<Row> TIME_ORDER =
        Comparator.comparing((Row row) -> instant(row.getAs("snapshot_ts")))
            .thenComparing(row -> row.<String>getAs("event_id"))
            .thenComparing(row -> row.<String>getAs("org"))
            .thenComparing(row -> row.<Integer>getAs("element_index"));

    @Override
    public Iterator<Row> call(String surface, Iterator<Row> rows) {
      List<Row> sightings = new ArrayList<>();
      rows.forEachRemaining(sightings::add);
      sightings.sort(TIME_ORDER.thenComparing(row -> row.<String>getAs("gpu_uuid")));
      String address = sightings.get(0).getAs("orch_address");
      String uri = sightings.get(0).getAs("orch_uri");
      GpuFingerprint fingerprint = new GpuFingerprint(address, uri);
      int start = 0;
      while (start < sightings.size()) {
        int end = start + 1;
        while (end < sightings.size()
            && TIME_ORDER.compare(sightings.get(start), sightings.get(end)) == 0) {
          end++;
        }
        List<GpuFingerprint.Sighting> snapshot = new ArrayList<>();
        for (Row row : sightings.subList(start, end)) {
          snapshot.add(
              new GpuFingerprint.Sighting(
                  row.getAs("gpu_uuid"),
                  row.getAs("gpu_name"),
                  row.<BigDecimal>getAs("memory_gib")));
        }
        fingerprint.observe(instant(sightings.get(start).getAs("snapshot_ts")), snapshot);
        start = end;
      }
      return output(address, uri, fingerprint).iterator();
    }

    private static List<Row> output(String address, String uri, GpuFingerprint fingerprint) {
      List<Row> out = new ArrayList<>();
      for (GpuFingerprint.PhysicalGpu gpu : fingerprint.physicalGpus()) {
        out.add(
            RowFactory.create(
                GPU,
                gpu.id,
                address,
                uri,
                gpu.currentUuid,
                gpu.name,
                gpu.memoryGib,
                Timestamp.from(gpu.firstSeen),
                Timestamp.from(gpu.lastSeen),
                gpu.uuids.size()));
      }
      for (GpuFingerprint.Assignment assignment : fingerprint.assignments()) {
        out.add(
            RowFactory.create(
                UUID,
                assignment.gpu.id,
                address,
                uri,
                assignment.uuid,
                null,
                null,
                Timestamp.from(assignment.firstSeen),
                Timestamp.from(assignment.lastSeen),
                1));
      }
      return out;
    }

    private static Instant instant(Object value) {
      return value instanceof Instant instant ? instant : ((Timestamp) value).toInstant();
    }
  }

  private PhysicalGpus() {}
}
