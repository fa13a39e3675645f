package io.naaplake.schema;

import static io.naaplake.schema.LakeType.arrayOf;
import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.mapOf;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.struct;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.schema.events.EventFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {

  /** Surefire runs in the module directory; the dictionary lives in the repository's docs. */
  private static final Path COMMITTED = Path.of("../docs/catalog.md");

  @Test
  void committedCatalogIsUpToDate() throws IOException {
    String generated = DataDictionaryMain.current();
    String committed =
        Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
    assertThat(committed.equals(generated))
        .as(
            "docs/catalog.md is out of date with the lake-schema declarations (%s); regenerate it"
                + " from the repository root with:%n  %s",
            firstDifference(committed, generated), DataDictionary.REGENERATE_COMMAND)
        .isTrue();
  }

  private static String firstDifference(String committed, String generated) {
    List<String> old = committed.lines().toList();
    List<String> now = generated.lines().toList();
    for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
      String was = i < old.size() ? old.get(i) : "<end of file>";
      String is = i < now.size() ? now.get(i) : "<end of file>";
      if (!was.equals(is)) {
        return "first difference at line "
            + (i + 1)
            + ": committed \""
            + was
            + "\", generated \""
            + is
            + "\"";
      }
    }
    return "line endings differ";
  }

  @Test
  void tablesShowGrainKeyPartitioningPropertiesAndColumns() {
    String markdown = DataDictionary.markdown(List.of(facts()), Map.of());
    assertThat(markdown)
        .contains(
            """
            #### gold.facts

            One row per day \\| orchestrator; &lt;grain&gt;.

            - Key: `day`, `orchestrator`
            - Partitioned by: `day`
            - Properties: `delta.checkpointInterval=20`, `delta.enableDeletionVectors=true`
            - Published: yes: columns may be added, never removed, renamed or retyped

            | Column | Trino type | Nullable | Additive | Comment |
            |---|---|---|---|---|
            | `day` | `date` | no | no | UTC day. |
            | `orchestrator` | `varchar` | no | no | Lower-cased address. |
            | `sessions` | `bigint` | no | yes | Sessions \\*started\\*. |
            | `gpus` | `array(row(…))` | yes | no | GPUs seen. |
            | &emsp;`gpus[].id` | `varchar` | yes | no | NVML UUID. |
            | &emsp;`gpus[].models` | `map(varchar, row(…))` | yes | no | By model. |
            | &emsp;&emsp;`gpus[].models{}.warm` | `bigint` | yes | no | Warm count. |
            """);
  }

  @Test
  void layersWithoutTablesSaySo() {
    assertThat(DataDictionary.markdown(List.of(facts()), Map.of()))
        .contains("### bronze\n\nNo tables declared yet.\n")
        .contains("### silver\n\nNo tables declared yet.\n");
  }

  @Test
  void eventContractListsEnvelopeFamiliesRoutingAndPayloads() {
    LakeType.Struct discovery =
        (LakeType.Struct)
            struct(
                Column.required("address", string(), "Candidate."),
                Column.optional("latency_ms", bigint(), "Str-num."));
    String markdown =
        DataDictionary.markdown(List.of(), Map.of(EventFamily.DISCOVERY_RESULTS, discovery));
    assertThat(markdown)
        .contains("### Envelope")
        .contains("| `network_capabilities` | array | no | all |")
        .contains("1. `unsupported_event_family`: ")
        .contains(
            """
            ### discovery_results

            `data` is an array; one element:

            | Field | Trino type | Nullable | Comment |
            |---|---|---|---|
            | `address` | `varchar` | no | Candidate. |
            | `latency_ms` | `bigint` | yes | Str-num. |
            """);
  }

  private static TableDeclaration facts() {
    return TableDeclaration.builder(Layer.GOLD, "facts")
        .comment("One row per day | orchestrator; <grain>.")
        .required("day", date(), "UTC day.")
        .required("orchestrator", string(), "Lower-cased address.")
        .measure("sessions", bigint(), "Sessions *started*.")
        .optional(
            "gpus",
            arrayOf(
                struct(
                    Column.optional("id", string(), "NVML UUID."),
                    Column.optional(
                        "models",
                        mapOf(string(), struct(Column.optional("warm", bigint(), "Warm count."))),
                        "By model."))),
            "GPUs seen.")
        .partitionedBy("day")
        .keyedBy("day", "orchestrator")
        .property("delta.enableDeletionVectors", "true")
        .property("delta.checkpointInterval", "20")
        .published()
        .build();
  }
}
