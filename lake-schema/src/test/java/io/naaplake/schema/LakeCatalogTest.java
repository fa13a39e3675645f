package io.naaplake.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LakeCatalogTest {

  private static final List<TableDeclaration> TABLES = LakeCatalog.tables();

  @Test
  void qualifiedNamesAreUnique() {
    assertThat(TABLES).extracting(TableDeclaration::qualifiedName).doesNotHaveDuplicates();
  }

  @Test
  void everyTableHasAKey() {
    for (TableDeclaration table : TABLES) {
      assertThat(table.keyColumns()).as(table.qualifiedName()).isNotEmpty();
    }
  }

  /**
   * Below gold, keys identify stored facts and are required. A gold key is a grouping: an unknown
   * dimension (a session without a known model) is a group of its own and stays null ("no
   * evidence"), so gold keys may be nullable; gold tables are replaced by window, never merged on
   * those keys.
   */
  @Test
  void keysBelowGoldAreRequired() {
    for (TableDeclaration table : TABLES) {
      if (table.layer() == Layer.GOLD) {
        continue;
      }
      for (String key : table.keyColumns()) {
        assertThat(table.column(key).orElseThrow().nullable())
            .as(table.qualifiedName() + "." + key + " is a key column and must be required")
            .isFalse();
      }
    }
  }

  @Test
  void bronzeAndOpsTablesArePartitionedByRequiredDates() {
    for (TableDeclaration table : TABLES) {
      if (table.layer() != Layer.BRONZE && table.layer() != Layer.OPS) {
        continue;
      }
      for (String partition : table.partitionColumns()) {
        Column column = table.column(partition).orElseThrow();
        assertThat(column.type())
            .as(table.qualifiedName() + "." + partition)
            .isEqualTo(LakeType.date());
        assertThat(column.nullable()).as(table.qualifiedName() + "." + partition).isFalse();
      }
    }
  }

  @Test
  void bronzeTablesArePartitioned() {
    assertThat(TABLES)
        .filteredOn(table -> table.layer() == Layer.BRONZE)
        .allSatisfy(table -> assertThat(table.partitionColumns()).isNotEmpty());
  }

  @Test
  void tablesAreFoundByQualifiedName() {
    for (TableDeclaration table : TABLES) {
      assertThat(LakeCatalog.find(table.qualifiedName())).contains(table);
    }
    assertThat(LakeCatalog.find("bronze.missing")).isEmpty();
  }

  @Test
  void tablesListIsImmutable() {
    assertThat(TABLES).isUnmodifiable();
  }
}
