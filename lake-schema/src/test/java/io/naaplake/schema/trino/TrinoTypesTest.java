package io.naaplake.schema.trino;

import static io.naaplake.schema.LakeType.arrayOf;
import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.binary;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.decimal;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.mapOf;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.struct;
import static io.naaplake.schema.LakeType.timestamp;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.schema.Column;
import org.junit.jupiter.api.Test;

class TrinoTypesTest {

  @Test
  void primitivesAreTheDeltaConnectorsTypes() {
    assertThat(TrinoTypes.of(string())).isEqualTo("varchar");
    assertThat(TrinoTypes.of(bool())).isEqualTo("boolean");
    assertThat(TrinoTypes.of(integer())).isEqualTo("integer");
    assertThat(TrinoTypes.of(bigint())).isEqualTo("bigint");
    assertThat(TrinoTypes.of(float64())).isEqualTo("double");
    assertThat(TrinoTypes.of(date())).isEqualTo("date");
    assertThat(TrinoTypes.of(binary())).isEqualTo("varbinary");
  }

  @Test
  void timestampsAreReadAsMillisecondsWithTimeZone() {
    assertThat(TrinoTypes.of(timestamp())).isEqualTo("timestamp(3) with time zone");
  }

  @Test
  void decimalsKeepPrecisionAndScale() {
    assertThat(TrinoTypes.of(decimal(38, 0))).isEqualTo("decimal(38,0)");
    assertThat(TrinoTypes.of(decimal(38, 18))).isEqualTo("decimal(38,18)");
  }

  @Test
  void collectionsNest() {
    assertThat(TrinoTypes.of(arrayOf(string()))).isEqualTo("array(varchar)");
    assertThat(TrinoTypes.of(mapOf(string(), bigint()))).isEqualTo("map(varchar, bigint)");
    assertThat(TrinoTypes.of(mapOf(integer(), arrayOf(timestamp()))))
        .isEqualTo("map(integer, array(timestamp(3) with time zone))");
  }

  @Test
  void structsAreRowsWithQuotedFieldNames() {
    assertThat(
            TrinoTypes.of(
                arrayOf(
                    struct(
                        Column.required("constraint", string(), "A reserved word."),
                        Column.optional(
                            "gpu",
                            struct(Column.optional("memory_total", bigint(), "Bytes.")),
                            "Nested.")))))
        .isEqualTo("array(row(\"constraint\" varchar, \"gpu\" row(\"memory_total\" bigint)))");
  }

  @Test
  void sqlQuotingDoublesEmbeddedQuotes() {
    assertThat(TrinoSql.identifier("odd\"name")).isEqualTo("\"odd\"\"name\"");
    assertThat(TrinoSql.literal("it's")).isEqualTo("'it''s'");
    assertThat(TrinoSql.literal("")).isEqualTo("''");
  }
}
