package io.naaplake.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capability tables keep the catalog's invariants on their own, and the per-snapshot tables
 * share the snapshot identity columns, so they join on the same key.
 */
class CapabilityTablesTest {
  private static final List<TableDeclaration> TABLES = CapabilityTables.all();
  private static final List<TableDeclaration> PER_SNAPSHOT =
      List.of(
          CapabilityTables.ORCHESTRATOR_SNAPSHOTS,
          CapabilityTables.CAPABILITY_OFFERS,
          CapabilityTables.GPU_HARDWARE,
          CapabilityTables.CAPABILITY_PRICES);

  @Test
  void silverTablesWithRequiredKeys() {
    assertThat(TABLES).extracting(TableDeclaration::layer).containsOnly(Layer.SILVER);
    assertThat(TABLES).extracting(TableDeclaration::name).doesNotHaveDuplicates();
    for (TableDeclaration table : TABLES) {
      assertThat(table.keyColumns()).as(table.name()).isNotEmpty();
      for (String key : table.keyColumns()) {
        assertThat(table.column(key).orElseThrow().nullable())
            .as(table.name() + "." + key)
            .isFalse();
      }
    }
  }

  @Test
  void perSnapshotTablesStartWithTheSnapshotIdentityAndArePartitionedByDate() {
    List<String> identity =
        List.of(
            "org",
            "event_id",
            "element_index",
            "snapshot_ts",
            "event_date",
            "orch_address",
            "orch_uri");
    for (TableDeclaration table : PER_SNAPSHOT) {
      assertThat(table.columns().subList(0, identity.size()))
          .as(table.name())
          .extracting(Column::name)
          .containsExactlyElementsOf(identity);
      assertThat(table.keyColumns())
          .as(table.name())
          .startsWith("org", "event_id", "element_index");
      assertThat(table.partitionColumns()).as(table.name()).containsExactly("event_date");
      assertThat(table.column("event_date").orElseThrow().type()).isEqualTo(LakeType.date());
    }
  }

  @Test
  void wholeHistoryTablesAreUnpartitioned() {
    // Recomputed per orchestrator surface from all its snapshots, so a date partition would be
    // rewritten whole anyway.
    for (TableDeclaration table :
        List.of(
            CapabilityTables.CAPABILITY_VERSIONS,
            CapabilityTables.PHYSICAL_GPUS,
            CapabilityTables.GPU_UUID_MAP)) {
      assertThat(table.partitionColumns()).as(table.name()).isEmpty();
    }
  }
}
