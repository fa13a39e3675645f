package io.naaplake.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.naaplake.jobs.gold.demand.ByocActivity;
import io.naaplake.jobs.gold.demand.RequestDemand;
import io.naaplake.jobs.gold.demand.RequestJobs;
import io.naaplake.jobs.gold.demand.StreamingDemand;
import io.naaplake.jobs.gold.diagnostics.DiscoveryLatency;
import io.naaplake.jobs.gold.diagnostics.FailureReasons;
import io.naaplake.jobs.gold.diagnostics.IngestQuality;
import io.naaplake.jobs.gold.economics.EconomicsDaily;
import io.naaplake.jobs.gold.economics.OrchestratorPricing;
import io.naaplake.jobs.gold.economics.PaymentsHourly;
import io.naaplake.jobs.gold.network.DataQuality;
import io.naaplake.jobs.gold.network.NetworkSummary;
import io.naaplake.jobs.gold.sla.SlaTransform;
import io.naaplake.jobs.gold.supply.GpuInventory;
import io.naaplake.jobs.gold.supply.GpuSupplyHourly;
import io.naaplake.schema.GoldDemandTables;
import io.naaplake.schema.GoldDiagnosticsTables;
import io.naaplake.schema.GoldEconomicsTables;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.GoldSlaTables;
import io.naaplake.schema.GoldSupplyTables;
import io.naaplake.schema.TableDeclaration;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every gold table's rows for the windows from {@link GoldInputs#from()} on, from the inputs: the
 * pure transform of the gold job. Rows of earlier windows are never produced (the inputs hold only
 * part of their evidence).
 *
 * <p>Intermediate results that several tables read, or whose plans are deep (the SLA chain:
 * primitives → benchmarks → scored hours → days), are checkpointed locally so each is computed once
 * and later plans start from materialized rows.
 */
public final class GoldTransform {
  private GoldTransform() {}

  /**
   * @param offerWindow how far from a payment the recipient's only offer may be announced to name
   *     its pipeline and model (the attribution fresh window)
   * @param settledBefore windows ending at or before this instant are settled
   * @return each gold table's recomputed rows, in dependency order
   */
  public static Map<TableDeclaration, Dataset<Row>> compute(
      GoldInputs in, Duration offerWindow, Instant settledBefore) {
    Map<TableDeclaration, Dataset<Row>> out = new LinkedHashMap<>();
    sla(in, settledBefore, out);
    Dataset<Row> requestJobs = RequestJobs.of(in.aiBatchJobs(), in.llmJobs(), in.byocJobs());
    out.put(
        GoldDemandTables.STREAMING_DEMAND_HOURLY,
        StreamingDemand.hourly(in.sessions(), settledBefore));
    out.put(GoldDemandTables.REQUEST_JOBS, requestJobs);
    out.put(
        GoldDemandTables.REQUEST_DEMAND_HOURLY, RequestDemand.hourly(requestJobs, settledBefore));
    out.put(
        GoldDemandTables.BYOC_HOURLY,
        ByocActivity.hourly(in.jobAuth(), in.jobPayment(), in.workerLifecycle(), settledBefore));
    out.put(
        GoldDiagnosticsTables.FAILURE_REASONS_HOURLY,
        FailureReasons.hourly(
            in.sessions(),
            in.selections(),
            in.trace(),
            in.status(),
            in.streamEvents(),
            settledBefore));
    out.put(
        GoldDiagnosticsTables.DISCOVERY_LATENCY_HOURLY,
        DiscoveryLatency.hourly(in.discoveryResults(), settledBefore));
    out.put(
        GoldDiagnosticsTables.INGEST_QUALITY_HOURLY,
        IngestQuality.hourly(in.ingestMetrics(), in.sessions(), settledBefore));
    Dataset<Row> payments =
        PaymentsHourly.compute(
                in.paymentLinks(), in.sessions(), in.offers(), offerWindow, settledBefore)
            .localCheckpoint();
    out.put(GoldEconomicsTables.PAYMENTS_HOURLY, payments);
    out.put(
        GoldEconomicsTables.ECONOMICS_DAILY,
        EconomicsDaily.compute(
            payments, in.sessions(), in.selections(), in.signedTickets(), settledBefore));
    out.put(
        GoldEconomicsTables.ORCHESTRATOR_PRICING,
        OrchestratorPricing.compute(in.prices(), in.offers(), settledBefore));
    out.put(
        GoldSupplyTables.GPU_INVENTORY,
        GpuInventory.compute(in.hardware(), in.uuidMap(), settledBefore));
    out.put(
        GoldSupplyTables.GPU_SUPPLY_HOURLY,
        GpuSupplyHourly.compute(
            in.hardware(),
            in.uuidMap(),
            in.offers(),
            in.sessionHours(),
            in.selections(),
            settledBefore));
    out.put(
        GoldNetworkTables.NETWORK_SUMMARY_HOURLY,
        NetworkSummary.hourly(
            in.snapshots(),
            in.hardware(),
            in.uuidMap(),
            out.get(GoldDemandTables.STREAMING_DEMAND_HOURLY),
            payments,
            out.get(GoldDemandTables.REQUEST_DEMAND_HOURLY),
            settledBefore));
    out.put(
        GoldNetworkTables.DATA_QUALITY_HOURLY,
        DataQuality.hourly(
            in.bronze(),
            in.typedLineage(),
            in.ignored(),
            in.quarantine(),
            in.lateEvents(),
            in.selections(),
            settledBefore));
    Map<TableDeclaration, Dataset<Row>> windowed = new LinkedHashMap<>();
    out.forEach((table, rows) -> windowed.put(table, fromWindow(table, rows, in)));
    return windowed;
  }

  /** Hourly primitives → the days' benchmarks → scored hours → days. */
  private static void sla(
      GoldInputs in, Instant settledBefore, Map<TableDeclaration, Dataset<Row>> out) {
    Timestamp firstHour = Timestamp.from(in.from().atStartOfDay(ZoneOffset.UTC).toInstant());
    Dataset<Row> primitives =
        SlaTransform.hourlyPrimitives(
                in.status(), in.selections(), in.sessions(), in.sessionHours())
            .where(col("window_start").geq(lit(firstHour)))
            .localCheckpoint();
    Dataset<Row> benchmarks = SlaTransform.benchmarks(primitives, settledBefore).localCheckpoint();
    Dataset<Row> allBenchmarks = in.storedBenchmarks().unionByName(benchmarks);
    Dataset<Row> hourly =
        SlaTransform.score(primitives, allBenchmarks, in.storedPriorHour(), settledBefore)
            .localCheckpoint();
    out.put(GoldSlaTables.SLA_BENCHMARK_DAILY, benchmarks);
    out.put(GoldSlaTables.STREAMING_SLA_HOURLY, hourly);
    out.put(
        GoldSlaTables.STREAMING_SLA_DAILY,
        SlaTransform.daily(hourly, allBenchmarks, settledBefore));
  }

  private static Dataset<Row> fromWindow(TableDeclaration table, Dataset<Row> rows, GoldInputs in) {
    return rows.where(col(table.partitionColumns().get(0)).geq(lit(Date.valueOf(in.from()))));
  }
}
