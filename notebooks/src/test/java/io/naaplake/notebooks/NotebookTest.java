package io.naaplake.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookTest {
  /** As Jupyter (nbformat.write) saves it: sorted keys, indent 1, "[]" and "{}", final newline. */
  static final String SAVED_BY_JUPYTER =
      """
      {
       "cells": [
        {
         "cell_type": "markdown",
         "id": "intro",
         "metadata": {},
         "source": [
          "# Título\\n",
          "text"
         ]
        },
        {
         "cell_type": "code",
         "execution_count": null,
         "id": "query",
         "metadata": {},
         "outputs": [],
         "source": "%%sql\\nSELECT 1"
        }
       ],
       "metadata": {
        "kernelspec": {
         "display_name": "Python 3",
         "language": "python",
         "name": "python3"
        }
       },
       "nbformat": 4,
       "nbformat_minor": 5
      }
      """;

  @Test
  void rewritesAJupyterNotebookByteForByte() {
    assertThat(Notebook.parse(SAVED_BY_JUPYTER, "t.ipynb").toJson()).isEqualTo(SAVED_BY_JUPYTER);
  }

  @Test
  void readsSourceAsOneStringOrAListOfLines() {
    Notebook notebook = Notebook.parse(SAVED_BY_JUPYTER, "t.ipynb");
    ObjectNode markdown = notebook.cells().get(0);
    ObjectNode code = notebook.cells().get(1);
    assertThat(Notebook.source(markdown)).isEqualTo("# Título\ntext");
    assertThat(Notebook.isCode(markdown)).isFalse();
    assertThat(Notebook.source(code)).isEqualTo("%%sql\nSELECT 1");
    assertThat(Notebook.isCode(code)).isTrue();
  }

  @Test
  void splitsTextIntoLinesKeepingTheirNewlines() {
    assertThat(Notebook.lines("a\nb\n").toString()).isEqualTo("[\"a\\n\",\"b\\n\"]");
    assertThat(Notebook.lines("a\nb").toString()).isEqualTo("[\"a\\n\",\"b\"]");
    assertThat(Notebook.lines("").toString()).isEqualTo("[]");
  }

  @Test
  void writesAndReadsFiles(@TempDir Path dir) {
    Path file = dir.resolve("t.ipynb");
    Notebook.parse(SAVED_BY_JUPYTER, "t.ipynb").write(file);
    assertThat(Notebook.read(file).toJson()).isEqualTo(SAVED_BY_JUPYTER);
  }

  @Test
  void rejectsWhatIsNotAVersion4Notebook(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Notebook.parse("{\"cells\": []", "broken.ipynb"))
        .hasMessageContaining("broken.ipynb")
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> Notebook.parse("{\"nbformat\": 3, \"cells\": []}", "old.ipynb"))
        .hasMessageContaining("old.ipynb")
        .hasMessageContaining("not an nbformat 4 notebook");
    Path missing = dir.resolve("missing.ipynb");
    assertThat(Files.exists(missing)).isFalse();
    assertThatThrownBy(() -> Notebook.read(missing)).hasMessageContaining("missing.ipynb");
  }
}
