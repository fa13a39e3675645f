package io.naaplake.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules every committed notebook follows, checked without a lake. */
class CommittedNotebooksTest {
  private static final List<Path> NOTEBOOKS =
      NotebooksMain.notebooksIn(Path.of("").toAbsolutePath());

  @Test
  void theNotebooksAreSavedAsJupyterSavesThem() throws Exception {
    assertThat(NOTEBOOKS).hasSize(5);
    for (Path file : NOTEBOOKS) {
      String json = java.nio.file.Files.readString(file);
      // Rewriting changes nothing: nbformat 4 JSON in Jupyter's layout, so diffs stay small.
      assertThat(Notebook.parse(json, file.toString()).toJson())
          .as(file.toString())
          .isEqualTo(json);
    }
  }

  @Test
  void everyQueryOrdersItsRowsAndEveryCellHasAUniqueId() {
    for (Path file : NOTEBOOKS) {
      Set<String> ids = new HashSet<>();
      for (ObjectNode cell : Notebook.read(file).cells()) {
        String id = cell.path("id").asText();
        assertThat(id).as(file + " cell id").matches("[a-zA-Z0-9_-]{1,64}");
        assertThat(ids.add(id)).as(file + " duplicate cell id " + id).isTrue();
        String source = Notebook.source(cell);
        if (!Notebook.isCode(cell) || !source.startsWith("%%sql")) {
          continue;
        }
        String query = NotebookRunner.query(source).toUpperCase(Locale.ROOT);
        // SHOW and DESCRIBE come back ordered by Trino; every SELECT orders its own rows.
        boolean ordered =
            query.startsWith("SHOW") || query.startsWith("DESCRIBE") || query.contains("ORDER BY");
        assertThat(ordered).as(file + " cell " + id + " has no ORDER BY").isTrue();
      }
    }
  }

  @Test
  void theCommittedOutputsHoldNoErrors() {
    for (Path file : NOTEBOOKS) {
      for (ObjectNode cell : Notebook.read(file).cells()) {
        cell.path("outputs")
            .forEach(
                output ->
                    assertThat(output.path("output_type").asText())
                        .as(file + " cell " + cell.path("id").asText())
                        .isNotEqualTo("error"));
      }
    }
  }
}
