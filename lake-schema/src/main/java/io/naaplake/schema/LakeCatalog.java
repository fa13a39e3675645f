package io.naaplake.schema;

import java.util.List;
import java.util.Optional;

/** Every lake table, in creation order. New declarations are added here and nowhere else. */
public final class LakeCatalog {

  private static final List<TableDeclaration> TABLES =
      List.of(
          BronzeTables.RAW_EVENTS,
          BronzeTables.QUARANTINE,
          OpsTables.KAFKA_INGEST_BATCHES,
          OpsTables.KAFKA_OFFSET_GAPS,
          OpsTables.JOB_RUNS);

  public static List<TableDeclaration> tables() {
    return TABLES;
  }

  public static Optional<TableDeclaration> find(String qualifiedName) {
    return TABLES.stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
  }

  private LakeCatalog() {}
}
