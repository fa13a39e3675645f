package io.naaplake.schema;

/** Medallion layer; each is one Trino schema and one top-level directory of the lake. */
public enum Layer {
  BRONZE("bronze"),
  SILVER("silver"),
  GOLD("gold"),
  OPS("ops");

  private final String schemaName;

  Layer(String schemaName) {
    this.schemaName = schemaName;
  }

  /** The Trino schema name and the lake sub-directory. */
  public String schemaName() {
    return schemaName;
  }
}
