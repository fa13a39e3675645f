package io.naaplake.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every lake table, in creation order. New declarations are added here and nowhere else. */
public final class LakeCatalog {

  private static final List<TableDeclaration> TABLES = buildTables();

  private static List<TableDeclaration> buildTables() {
    List<TableDeclaration> tables = new ArrayList<>();
    tables.add(BronzeTables.RAW_EVENTS);
    tables.add(BronzeTables.QUARANTINE);
    tables.add(OpsTables.KAFKA_INGEST_BATCHES);
    tables.add(OpsTables.KAFKA_OFFSET_GAPS);
    tables.add(OpsTables.JOB_RUNS);
    tables.addAll(SilverTables.all());
    tables.add(OpsTables.SILVER_RECONCILIATION);
    tables.addAll(CapabilityTables.all());
    tables.add(SessionTables.SESSIONS);
    tables.add(SessionTables.SESSION_HOURS);
    tables.add(SelectionTables.SESSION_SELECTIONS);
    tables.addAll(JobTables.all());
    tables.add(OpsTables.LATE_EVENTS);
    tables.add(OpsTables.EVENT_TIME_WATERMARKS);
    tables.add(OpsTables.SILVER_DIRTY_HOURS);
    tables.addAll(GoldSlaTables.all());
    tables.addAll(GoldDemandTables.all());
    tables.addAll(GoldDiagnosticsTables.all());
    tables.addAll(GoldEconomicsTables.all());
    tables.addAll(GoldSupplyTables.all());
    tables.addAll(GoldNetworkTables.all());
    tables.addAll(GoldRevisionTables.all());
    tables.add(OpsTables.MAINTENANCE_ACTIONS);
    return List.copyOf(tables);
  }

  public static List<TableDeclaration> tables() {
    return TABLES;
  }

  public static Optional<TableDeclaration> find(String qualifiedName) {
    return TABLES.stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
  }

  private LakeCatalog() {}
}
