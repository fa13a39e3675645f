package io.naaplake.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookRunnerTest {

  /** Answers every query with one row holding the query text; "BAD" queries fail like Trino. */
  static final class EchoSession implements SqlSession {
    final List<String> executed = new ArrayList<>();

    @Override
    public QueryResult query(String sql, int maxRows) throws SQLException {
      executed.add(sql);
      if (sql.contains("BAD")) {
        throw new SQLException(
            "Query failed (#20260108_210000_00001_abcde): line 1:8: Column 'BAD' cannot be resolved");
      }
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < Math.min(maxRows, 3); i++) {
        rows.add(List.of(sql));
      }
      return new QueryResult(List.of("q"), rows, 3);
    }

    @Override
    public void close() {}
  }

  private static String notebook(String... cells) {
    return "{\"cells\": ["
        + String.join(",", cells)
        + "], \"metadata\": {}, \"nbformat\": 4,"
        + " \"nbformat_minor\": 5}";
  }

  private static String code(String id, String source) {
    return "{\"cell_type\": \"code\", \"execution_count\": 9, \"id\": \""
        + id
        + "\", \"metadata\": {}, \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\","
        + " \"text\": \"old\"}], \"source\": "
        + source
        + "}";
  }

  private static final String MARKDOWN =
      "{\"cell_type\": \"markdown\", \"id\": \"md\", \"metadata\": {}, \"source\": \"# SQL\"}";

  @Test
  void executesSqlCellsAndLeavesEveryOtherCellAlone() {
    Notebook notebook =
        Notebook.parse(
            notebook(
                MARKDOWN,
                code("load", "\"%load_ext sql\""),
                code("connect", "\"%sql trino://researcher@localhost:18080/delta\""),
                code("first", "[\"%%sql\\n\", \"SELECT 1;\\n\"]"),
                code("second", "\"%%sql --no-display\\nSELECT 2\"")),
            "t.ipynb");
    String before = notebook.cells().subList(0, 3).toString();
    EchoSession session = new EchoSession();

    NotebookRunner.NotebookRun run = new NotebookRunner(session, 2).execute(notebook, "t.ipynb");

    assertThat(session.executed).containsExactly("SELECT 1", "SELECT 2");
    assertThat(notebook.cells().subList(0, 3).toString()).isEqualTo(before);
    assertThat(run.failures()).isEmpty();
    assertThat(run.result("second").value(0, "q")).isEqualTo("SELECT 2");
    JsonNode first = notebook.cells().get(3);
    assertThat(first.get("execution_count").asInt()).isEqualTo(1);
    assertThat(notebook.cells().get(4).get("execution_count").asInt()).isEqualTo(2);
    assertThat(first.get("outputs")).hasSize(1);
    JsonNode output = first.get("outputs").get(0);
    assertThat(output.get("output_type").asText()).isEqualTo("execute_result");
    assertThat(output.get("execution_count").asInt()).isEqualTo(1);
    // Two of the three rows are kept (max rows 2), and both renderings say so.
    assertThat(Notebook.text(output.at("/data/text~1plain")))
        .isEqualTo(
            new QueryResult(List.of("q"), List.of(List.of("SELECT 1"), List.of("SELECT 1")), 3)
                .plainText())
        .endsWith("first 2 of 3 rows");
    assertThat(Notebook.text(output.at("/data/text~1html"))).contains("<td>SELECT 1</td>");
  }

  @Test
  void aFailingCellGetsAnErrorOutputWithoutTheQueryIdAndTheRunGoesOn() {
    Notebook notebook =
        Notebook.parse(
            notebook(
                code("broken", "\"%%sql\\nSELECT BAD\""), code("fine", "\"%%sql\\nSELECT 3\"")),
            "t.ipynb");

    NotebookRunner.NotebookRun run =
        new NotebookRunner(new EchoSession(), 50).execute(notebook, "t.ipynb");

    assertThat(run.failures()).hasSize(1);
    NotebookRunner.CellRun failure = run.failures().get(0);
    assertThat(failure.label()).isEqualTo("t.ipynb cell 1 (broken)");
    String message = "line 1:8: Column 'BAD' cannot be resolved";
    assertThat(failure.error()).contains(message);
    JsonNode error = notebook.cells().get(0).get("outputs").get(0);
    assertThat(error.get("output_type").asText()).isEqualTo("error");
    assertThat(error.get("evalue").asText()).isEqualTo(message);
    assertThat(notebook.cells().get(1).get("outputs").get(0).get("output_type").asText())
        .isEqualTo("execute_result");
  }

  @Test
  void parametersComeFromLiteralAssignmentsAbove() {
    Notebook notebook =
        Notebook.parse(
            notebook(
                code("early", "\"%%sql\\nSELECT {{version}}\""),
                code(
                    "params",
                    "\"version = 2  # from manifest.json\\nday = '2026-01-08'\\nx = f(1)\""),
                code(
                    "late",
                    "\"%%sql\\nSELECT * FROM t FOR VERSION AS OF {{ version }}"
                        + " WHERE d = DATE '{{day}}'\""),
                code("unknown", "\"%%sql\\nSELECT {{x}}\"")),
            "t.ipynb");
    EchoSession session = new EchoSession();

    NotebookRunner.NotebookRun run = new NotebookRunner(session, 50).execute(notebook, "t.ipynb");

    assertThat(session.executed)
        .containsExactly("SELECT * FROM t FOR VERSION AS OF 2 WHERE d = DATE '2026-01-08'");
    assertThat(run.failures())
        .extracting(NotebookRunner.CellRun::id)
        .containsExactly("early", "unknown");
    assertThat(run.failures().get(0).error().orElseThrow())
        .isEqualTo(
            "parameter {{version}} is not set: assign it in a code cell above (version = ...)");
    // The parameter cell is Python: left alone.
    assertThat(notebook.cells().get(1).get("execution_count").asInt()).isEqualTo(9);
  }

  @Test
  void assignmentsReadOnlyLiterals() {
    assertThat(
            NotebookRunner.assignments(
                "a = 1\nb = -2.5\nc = \"x y\"\nd = 'z'  # note\ne = a + 1\nimport os\n"))
        .isEqualTo(Map.of("a", "1", "b", "-2.5", "c", "x y", "d", "z"));
    assertThat(NotebookRunner.assignments("%sql x = 1")).isEmpty();
  }

  @Test
  void queryIsTheBodyAfterTheMagicLine() {
    assertThat(NotebookRunner.query("%%sql\nSELECT 1\nFROM t;\n")).isEqualTo("SELECT 1\nFROM t");
    assertThat(NotebookRunner.query("%%sql")).isEmpty();
  }

  @Test
  void anEmptySqlCellFails() {
    Notebook notebook = Notebook.parse(notebook(code("empty", "\"%%sql\\n\"")), "t.ipynb");
    assertThat(new NotebookRunner(new EchoSession(), 5).execute(notebook, "t.ipynb").failures())
        .singleElement()
        .satisfies(cell -> assertThat(cell.error()).contains("the %%sql cell has no query"));
  }

  @Test
  void runRewritesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.ipynb");
    Files.writeString(file, notebook(code("only", "\"%%sql\\nSELECT 4\"")));

    new NotebookRunner(new EchoSession(), 5).run(file);

    assertThat(Files.readString(file))
        .startsWith("{\n \"cells\": [\n")
        .contains("\"execution_count\": 1")
        .contains("<td>SELECT 4</td>")
        .endsWith("}\n");
  }
}
