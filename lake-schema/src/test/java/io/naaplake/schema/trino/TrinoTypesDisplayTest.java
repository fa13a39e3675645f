package io.naaplake.schema.trino;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import org.junit.jupiter.api.Test;

class TrinoTypesDisplayTest {
  @Test
  void displayFormLeavesRowFieldsUnquotedAsTrinoPrintsThem() {
    LakeType type =
        LakeType.arrayOf(
            LakeType.struct(
                Column.optional("constraint", LakeType.string(), "Reserved word."),
                Column.optional(
                    "ids", LakeType.mapOf(LakeType.string(), LakeType.bigint()), "Ids.")));
    assertThat(TrinoTypes.display(type))
        .isEqualTo("array(row(constraint varchar, ids map(varchar, bigint)))");
    assertThat(TrinoTypes.of(type))
        .isEqualTo("array(row(\"constraint\" varchar, \"ids\" map(varchar, bigint)))");
  }
}
