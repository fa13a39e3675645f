package io.naaplake.schema.trino;

import static io.naaplake.schema.LakeType.arrayOf;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.decimal;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.struct;
import static io.naaplake.schema.LakeType.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.schema.Column;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.Layer;
import io.naaplake.schema.TableDeclaration;
import org.junit.jupiter.api.Test;

class TrinoDdlTest {

  private static final TableDeclaration PAYMENTS =
      TableDeclaration.builder(Layer.SILVER, "payments")
          .comment("One row per payment event; the org's \"ticket batch\".")
          .required("event_id", string(), "Envelope id.")
          .optional("face_value_wei", decimal(38, 0), "Face value in wei; it's exact.")
          .required("event_date", date(), "UTC date. Partition.")
          .partitionedBy("event_date")
          .keyedBy("event_id")
          .build();

  @Test
  void createTableHasTypesNullabilityCommentsAndPartitioning() {
    assertThat(TrinoDdl.createTable(PAYMENTS, "delta"))
        .isEqualTo(
            """
            CREATE TABLE IF NOT EXISTS "delta"."silver"."payments" (
              "event_id" varchar NOT NULL COMMENT 'Envelope id.',
              "face_value_wei" decimal(38,0) COMMENT 'Face value in wei; it''s exact.',
              "event_date" date NOT NULL COMMENT 'UTC date. Partition.'
            )
            COMMENT 'One row per payment event; the org''s "ticket batch".'
            WITH (partitioned_by = ARRAY['event_date'])""");
  }

  @Test
  void unpartitionedTablesHaveNoWithClause() {
    TableDeclaration runs =
        TableDeclaration.builder(Layer.OPS, "runs")
            .comment("One row per run.")
            .required("run_id", string(), "Run id.")
            .keyedBy("run_id")
            .build();
    assertThat(TrinoDdl.createTable(runs, "lake"))
        .isEqualTo(
            """
            CREATE TABLE IF NOT EXISTS "lake"."ops"."runs" (
              "run_id" varchar NOT NULL COMMENT 'Run id.'
            )
            COMMENT 'One row per run.'""");
  }

  @Test
  void nestedTypesAreWrittenAsTrinoTypes() {
    TableDeclaration gpus =
        TableDeclaration.builder(Layer.SILVER, "gpus")
            .comment("GPUs.")
            .optional(
                "hardware",
                arrayOf(
                    struct(
                        Column.optional("model_id", string(), "Model."),
                        Column.optional("seen_at", timestamp(), "Seen."))),
                "Hardware.")
            .build();
    assertThat(TrinoDdl.createTable(gpus, "delta"))
        .contains(
            "  \"hardware\" array(row(\"model_id\" varchar, \"seen_at\" timestamp(3) with time"
                + " zone)) COMMENT 'Hardware.'\n");
  }

  @Test
  void knownDeltaPropertiesBecomeTrinoPropertiesInNameOrder() {
    TableDeclaration table =
        TableDeclaration.builder(Layer.GOLD, "facts")
            .comment("Facts.")
            .required("day", date(), "Day.")
            .partitionedBy("day")
            .property("delta.enableDeletionVectors", "true")
            .property("delta.columnMapping.mode", "name")
            .property("delta.checkpointInterval", "20")
            .build();
    assertThat(TrinoDdl.createTable(table, "delta"))
        .endsWith(
            "WITH (partitioned_by = ARRAY['day'], checkpoint_interval = 20,"
                + " column_mapping_mode = 'name', deletion_vectors_enabled = true)");
  }

  @Test
  void otherDeltaPropertiesAreRefusedRatherThanDropped() {
    TableDeclaration table =
        TableDeclaration.builder(Layer.GOLD, "facts")
            .comment("Facts.")
            .required("day", date(), "Day.")
            .property("delta.logRetentionDuration", "interval 30 days")
            .build();
    assertThatThrownBy(() -> TrinoDdl.createTable(table, "delta"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gold.facts")
        .hasMessageContaining("delta.logRetentionDuration");
  }

  @Test
  void commentStatementsCoverTheTableAndEveryColumn() {
    assertThat(TrinoDdl.commentStatements(PAYMENTS, "delta"))
        .containsExactly(
            "COMMENT ON TABLE \"delta\".\"silver\".\"payments\" IS 'One row per payment event;"
                + " the org''s \"ticket batch\".'",
            "COMMENT ON COLUMN \"delta\".\"silver\".\"payments\".\"event_id\" IS 'Envelope id.'",
            "COMMENT ON COLUMN \"delta\".\"silver\".\"payments\".\"face_value_wei\" IS 'Face value"
                + " in wei; it''s exact.'",
            "COMMENT ON COLUMN \"delta\".\"silver\".\"payments\".\"event_date\" IS 'UTC date."
                + " Partition.'");
  }

  @Test
  void catalogNamesAreQuoted() {
    assertThat(TrinoDdl.tableName(PAYMENTS, "my\"catalog"))
        .isEqualTo("\"my\"\"catalog\".\"silver\".\"payments\"");
  }

  @Test
  void everyCatalogTableHasDdl() {
    for (TableDeclaration table : LakeCatalog.tables()) {
      assertThat(TrinoDdl.createTable(table, "delta"))
          .startsWith("CREATE TABLE IF NOT EXISTS \"delta\".\"" + table.layer().schemaName());
    }
  }
}
