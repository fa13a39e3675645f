package io.naaplake.jobs.silver.capability;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.naaplake.jobs.silver.Identity;
import io.naaplake.schema.CapabilityTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * silver.network_capabilities rows to the capability inventory (CapabilityTables): pure {@code
 * Dataset -> Dataset} transforms, deterministic, no I/O. {@code typedCaps} is any set of rows of
 * silver.network_capabilities (new ones for an incremental run); each output row derives from one
 * of them only, except {@link #versions} and {@link #physicalGpus}, which need the whole history of
 * the orchestrators they recompute.
 */
public final class CapabilityInventoryTransform {

  /** Columns that place a row on its announcement, in CapabilityTables order. */
  private static final List<String> SNAPSHOT_KEY =
      List.of(
          "org",
          "event_id",
          "element_index",
          "snapshot_ts",
          "event_date",
          "orch_address",
          "orch_uri");

  /** silver.orchestrator_snapshots: one row per element with a non-blank address. */
  public static Dataset<Row> snapshots(Dataset<Row> typedCaps) {
    Dataset<Row> rows =
        announcements(typedCaps)
            .withColumn("gateway", Identity.text(col("gateway")))
            .withColumn("local_address", Identity.address(col("local_address")))
            .withColumn("node_version", Identity.text(col("capabilities_version")))
            .withColumn("gpu_uuid_count", AnnouncementColumns.gpuUuidCount())
            .withColumn("hardware_present", col("gpu_uuid_count").gt(0))
            .withColumn("offer_count", AnnouncementColumns.offerCount())
            .withColumn("content_hash", AnnouncementColumns.contentHash());
    return io.naaplake.jobs.lake.Projections.of(rows, CapabilityTables.ORCHESTRATOR_SNAPSHOTS);
  }

  /**
   * silver.capability_offers: PerCapability, hardware and capability_options entries merged per
   * (announcement, pipeline, model). Load figures come from PerCapability, GPUs from hardware.
   */
  public static Dataset<Row> offers(Dataset<Row> typedCaps) {
    Dataset<Row> items =
        announcements(typedCaps)
            .select(
                concat(
                    snapshotKey(),
                    expr("explode(" + AnnouncementColumns.OFFER_ITEMS + ")").as("o")))
            .select(concat(snapshotKey(), col("o.*")));
    Dataset<Row> merged =
        items
            .groupBy(concat(snapshotKey(), col("pipeline"), col("model_id")))
            .agg(
                min("capability_id").as("capability_id"),
                max("warm").as("warm"),
                max("capacity").as("capacity"),
                max("capacity_in_use").as("capacity_in_use"),
                max("runner_version").as("runner_version"),
                size(array_distinct(flatten(collect_list("gpu_ids")))).as("gpu_count"),
                array_join(array_sort(collect_set("source")), "+").as("offer_source"))
            .withColumn("hardware_present", col("gpu_count").gt(0));
    return io.naaplake.jobs.lake.Projections.of(merged, CapabilityTables.CAPABILITY_OFFERS);
  }

  /**
   * silver.gpu_hardware: one row per GPU UUID per (announcement, pipeline, model). A UUID listed
   * twice for the same model keeps its first listing (hardware position, then gpu position).
   */
  public static Dataset<Row> hardware(Dataset<Row> typedCaps) {
    Dataset<Row> entries =
        announcements(typedCaps)
            .select(concat(snapshotKey(), expr("posexplode(hardware) as (hardware_position, h)")))
            .withColumn("pipeline", Identity.text(col("h.pipeline")))
            .withColumn("model_id", Identity.text(col("h.model_id")))
            .where(col("pipeline").isNotNull().and(col("model_id").isNotNull()));
    Dataset<Row> gpus =
        entries
            .select(
                concat(
                    snapshotKey(),
                    col("pipeline"),
                    col("model_id"),
                    col("hardware_position"),
                    expr("posexplode(h.gpu_info) as (gpu_position, g)")))
            .withColumn("gpu_uuid", Identity.text(col("g.id")))
            .where(col("gpu_uuid").isNotNull());
    Dataset<Row> first =
        gpus.groupBy(concat(snapshotKey(), col("pipeline"), col("model_id"), col("gpu_uuid")))
            .agg(min(struct(col("hardware_position"), col("gpu_position"), col("g"))).as("first"))
            .select(
                concat(
                    snapshotKey(),
                    col("pipeline"),
                    col("model_id"),
                    col("gpu_uuid"),
                    col("first.g").as("g")));
    Column bytes = GpuMemory.bytes(col("g.memory_total"));
    Dataset<Row> rows =
        first
            .withColumn("gpu_index", col("g.index"))
            .withColumn("gpu_name", Identity.text(col("g.name")))
            .withColumn("memory_total_bytes", bytes)
            .withColumn("memory_gib", GpuMemory.gib(bytes))
            .withColumn("compute_major", col("g.major"))
            .withColumn("compute_minor", col("g.minor"));
    return io.naaplake.jobs.lake.Projections.of(rows, CapabilityTables.GPU_HARDWARE);
  }

  /**
   * silver.capability_prices: each capabilities_prices entry with a price, and price_info as the
   * global quote when it has a pricePerUnit; is_effective per CapabilityTables.
   */
  public static Dataset<Row> prices(Dataset<Row> typedCaps) {
    Dataset<Row> announcements = announcements(typedCaps);
    Dataset<Row> capabilityQuotes =
        announcements
            .select(
                concat(snapshotKey(), expr("posexplode(capabilities_prices) as (price_index, q)")))
            .where(col("q.price_per_unit").isNotNull())
            .select(
                concat(
                    snapshotKey(),
                    col("price_index"),
                    lit("capability").as("price_source"),
                    col("q.capability").as("capability_id"),
                    expr(AnnouncementColumns.quotePipeline("q")).as("pipeline"),
                    expr(AnnouncementColumns.quoteModel("q")).as("model_id"),
                    col("q.price_per_unit").as("price_wei_per_unit"),
                    col("q.pixels_per_unit").as("pixels_per_unit")))
            .withColumn(
                "is_effective",
                row_number()
                    .over(
                        Window.partitionBy(
                                concat(
                                    snapshotKey(),
                                    col("capability_id"),
                                    col("pipeline"),
                                    col("model_id")))
                            .orderBy("price_index"))
                    .equalTo(1));
    Dataset<Row> globalQuotes =
        announcements
            .where(col("price_info_price_per_unit").isNotNull())
            .select(
                concat(
                    snapshotKey(),
                    lit(-1).as("price_index"),
                    lit("global").as("price_source"),
                    lit(null).cast("int").as("capability_id"),
                    lit(null).cast("string").as("pipeline"),
                    lit(null).cast("string").as("model_id"),
                    col("price_info_price_per_unit").as("price_wei_per_unit"),
                    col("price_info_pixels_per_unit").as("pixels_per_unit"),
                    AnnouncementColumns.offerWithoutCapabilityPrice().as("is_effective")));
    Dataset<Row> quotes =
        capabilityQuotes.unionByName(globalQuotes).withColumn("wei_per_pixel", weiPerPixel());
    return io.naaplake.jobs.lake.Projections.of(quotes, CapabilityTables.CAPABILITY_PRICES);
  }

  /** silver.capability_versions of every orchestrator surface in {@code snapshots}. */
  public static Dataset<Row> versions(Dataset<Row> snapshots) {
    return CapabilityVersions.of(snapshots);
  }

  /** silver.physical_gpus and silver.gpu_uuid_map from silver.gpu_hardware rows. */
  public static PhysicalGpuTables physicalGpus(Dataset<Row> hardwareRows) {
    return PhysicalGpus.of(hardwareRows);
  }

  /**
   * Price per pixel to 18 places, half up. The price is widened to decimal(38,18) first so the
   * division keeps 18 places; a price over 1e20 wei per unit (no int64 reaches it) gives null.
   */
  private static Column weiPerPixel() {
    return when(
        col("pixels_per_unit").isNotNull().and(col("pixels_per_unit").notEqual(0)),
        expr(
            "cast(try_cast(price_wei_per_unit as decimal(38,18))"
                + " / cast(pixels_per_unit as decimal(20,0)) as decimal(38,18))"));
  }

  /** The typed rows that are announcements (non-blank address), with the snapshot identity. */
  private static Dataset<Row> announcements(Dataset<Row> typedCaps) {
    return typedCaps
        .withColumn("snapshot_ts", col("event_ts"))
        .withColumn("orch_address", AnnouncementColumns.orchAddress())
        .withColumn("orch_uri", AnnouncementColumns.orchUri())
        .where(col("orch_address").isNotNull());
  }

  private static Column[] snapshotKey() {
    return SNAPSHOT_KEY.stream().map(name -> col(name)).toArray(Column[]::new);
  }

  private static Column[] concat(Column[] first, Column... rest) {
    List<Column> columns = new ArrayList<>(Arrays.asList(first));
    columns.addAll(Arrays.asList(rest));
    return columns.toArray(new Column[0]);
  }

  private CapabilityInventoryTransform() {}
}
