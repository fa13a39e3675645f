package io.naaplake.notebooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.config.Settings;
import io.naaplake.notebooks.Notebook;
import io.naaplake.notebooks.NotebookRunner;
import io.naaplake.notebooks.NotebooksConfig;
import io.naaplake.notebooks.NotebooksMain;
import io.naaplake.notebooks.QueryResult;
import io.naaplake.notebooks.TrinoSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every notebook of this module, run through the real Trino over the fixture lake the batch-jobs
 * integration tests built earlier in the same {@code ./naap test} (the reactor builds batch-jobs
 * and api before notebooks). The notebooks run on copies in target/notebooks-it; the committed ones
 * are never rewritten. Any failing cell fails the build; a few outputs are checked against values
 * derived by hand from the real sample
 * (../shared/samples/streaming-events-2026-01-08.kafka-ui.json).
 */
class NotebooksIT {
  /** The real sample's orchestrator: one live-video session in the hour 2026-01-08T21:00Z. */
  static final String SAMPLE_ORCHESTRATOR = "0xd00354656922168815fcd1e51cbddb9e359e3c7f";

  private static final Path COPIES = Path.of("target/notebooks-it");

  private static List<Path> committed;
  private static Map<Path, byte[]> committedBytes;
  private static final Map<String, NotebookRunner.NotebookRun> RUNS = new LinkedHashMap<>();

  @BeforeAll
  static void runEveryNotebook() throws Exception {
    String url = System.getProperty("naap.trino.url");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          "system property naap.trino.url is not set: the notebooks need the real Trino and the"
              + " fixture lake; run them with ./naap test");
    }
    committed = NotebooksMain.notebooksIn(Path.of("").toAbsolutePath());
    committedBytes = new LinkedHashMap<>();
    for (Path file : committed) {
      committedBytes.put(file, Files.readAllBytes(file));
    }
    deleteRecursively(COPIES);
    Files.createDirectories(COPIES);
    NotebooksConfig config = NotebooksConfig.from(Settings.of(Map.of("naap.trino.url", url)));
    try (TrinoSession session = TrinoSession.open(config)) {
      NotebookRunner runner = new NotebookRunner(session, config.maxRows());
      for (Path file : committed) {
        Path copy = Files.copy(file, COPIES.resolve(file.getFileName()));
        RUNS.put(copy.getFileName().toString(), runner.run(copy));
      }
    }
  }

  @Test
  void everyCellOfEveryNotebookSucceeds() {
    List<String> failures = new ArrayList<>();
    RUNS.values()
        .forEach(
            run ->
                run.failures()
                    .forEach(
                        cell -> failures.add(cell.label() + ": " + cell.error().orElseThrow())));
    assertThat(failures).as("failing notebook cells").isEmpty();
    // The five notebooks of the issue: getting started, SLA, GPU supply, economics, export.
    assertThat(RUNS.keySet())
        .containsExactly(
            "01-getting-started.ipynb",
            "02-sla-deep-dive.ipynb",
            "03-gpu-supply.ipynb",
            "04-economics.ipynb",
            "05-reproducing-an-export.ipynb");
    assertThat(RUNS.values()).allSatisfy(run -> assertThat(run.cells()).isNotEmpty());
  }

  @Test
  void theRecomputedSlaScoreOfTheRealSampleIsGolds() {
    QueryResult sample = RUNS.get("02-sla-deep-dive.ipynb").result("sla-recompute-sample");
    assertThat(sample.totalRows()).isEqualTo(1);
    // The sample session started, never swapped and had output (reliability 1), its 3 of 3 health
    // signals arrived (coverage 1), and no (pipeline, model) benchmark exists in the 7 days before
    // 2026-01-08, so every quality component is the neutral 0.5:
    // 100 × 1 × (0.7 × 1 + 0.3 × 0.5) = 85.0 (the derivation of RealSampleRoutesIT in api).
    assertThat(sample.value(0, "reliability")).isEqualTo("1.0");
    assertThat(sample.value(0, "coverage")).isEqualTo("1.0");
    assertThat(sample.value(0, "quality")).isEqualTo("0.5");
    assertThat(sample.value(0, "recomputed_sla_score")).isEqualTo("85.0");
    assertThat(sample.value(0, "gold_sla_score")).isEqualTo("85.0");
    assertThat(sample.value(0, "equal")).isEqualTo("true");

    // Every scored row of gold.streaming_sla_hourly is reproduced, not only the sample's.
    QueryResult all = RUNS.get("02-sla-deep-dive.ipynb").result("sla-recompute-all");
    assertThat(all.totalRows()).isEqualTo(1);
    assertThat(Long.parseLong(all.value(0, "scored_rows"))).isPositive();
    assertThat(all.value(0, "equal_rows")).isEqualTo(all.value(0, "scored_rows"));
  }

  @Test
  void theSamplesExpectedValueIsExactInGoldAndFromItsPayments() {
    // Six create_new_payment events to the sample orchestrator: Σ face × winProb × tickets
    //   = 2 × 2,402,400e12 × 0.000999001 + 2,402,400e12 × 0.000999001 + 4 × 2,400,000e12 × 0.001
    //   = 16,800,000,007,200 wei (the derivation of RealSampleRoutesIT and GoldFixtureIT).
    BigDecimal expected = new BigDecimal("16800000007200");
    NotebookRunner.NotebookRun economics = RUNS.get("04-economics.ipynb");
    QueryResult gold = economics.result("economics-orchestrator-daily");
    assertThat(gold.totalRows()).isEqualTo(1);
    assertThat(gold.value(0, "window_date")).isEqualTo("2026-01-08");
    assertThat(gold.value(0, "tickets")).isEqualTo("7");
    assertThat(new BigDecimal(gold.value(0, "expected_value_wei"))).isEqualByComparingTo(expected);
    // 16,800,000,007,200 wei = 0.0000168000000072 ETH.
    assertThat(new BigDecimal(gold.value(0, "expected_value_eth")))
        .isEqualByComparingTo("0.0000168000000072");
    QueryResult recomputed = economics.result("economics-recompute");
    assertThat(new BigDecimal(recomputed.value(0, "expected_value_wei")))
        .isEqualByComparingTo(expected);

    // The export notebook reads payments_hourly at version 1, the fixture's first pipeline run,
    // which already held the sample's hour: one row with the same expected value.
    QueryResult export = RUNS.get("05-reproducing-an-export.ipynb").result("export-row-count");
    assertThat(export.value(1, "read_at")).isEqualTo("recorded version 1");
    assertThat(export.value(1, "row_count")).isEqualTo("1");
    assertThat(new BigDecimal(export.value(1, "expected_value_wei")))
        .isEqualByComparingTo(expected);
  }

  @Test
  void theOutputsAreWrittenIntoTheCopiesAndTheCommittedNotebooksAreUntouched() throws IOException {
    Notebook copy = Notebook.read(COPIES.resolve("02-sla-deep-dive.ipynb"));
    ObjectNode cell =
        copy.cells().stream()
            .filter(c -> c.path("id").asText().equals("sla-recompute-sample"))
            .findFirst()
            .orElseThrow();
    JsonNode output = cell.get("outputs").get(0);
    assertThat(output.get("output_type").asText()).isEqualTo("execute_result");
    assertThat(output.at("/data/text~1html").toString()).contains("<td>85.0</td>");
    assertThat(cell.get("execution_count").asInt()).isPositive();
    for (Path file : committed) {
      assertThat(Files.readAllBytes(file)).as(file.toString()).isEqualTo(committedBytes.get(file));
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(path);
      }
    }
  }
}
