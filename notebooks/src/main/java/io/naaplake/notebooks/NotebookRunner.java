package io.naaplake.notebooks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Executes the {@code %%sql} cells of a notebook, in order, and replaces each one's outputs with
 * its result (an {@code execute_result} with an HTML and a plain-text table) or its error (an
 * {@code error} output); execution counts number the SQL cells 1, 2, … Every other cell (markdown,
 * {@code %load_ext sql}, the {@code %sql trino://…} connection line, Python) is left as it is. A
 * failing cell does not stop the run: the later cells still execute, so one run shows every
 * failure.
 *
 * <p>Parameters: a code cell that assigns literals ({@code export_version = 1}, {@code day =
 * '2026-01-08'}) sets values that later SQL cells use as {@code {{export_version}}}, the jupysql
 * template syntax, so the notebook runs the same in Jupyter. Nothing else of Python is evaluated.
 *
 * <p>The outputs depend only on the lake: no run time, no query id (Trino's "Query failed (#id)"
 * prefix is dropped from errors).
 */
public final class NotebookRunner {
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "\\s*([A-Za-z_]\\w*)\\s*=\\s*(-?\\d+(?:\\.\\d+)?|'[^'\\\\]*'|\"[^\"\\\\]*\")\\s*(?:#.*)?");
  private static final Pattern PARAMETER = Pattern.compile("\\{\\{\\s*([A-Za-z_]\\w*)\\s*}}");
  private static final Pattern QUERY_ID = Pattern.compile("^Query failed \\(#[^)]*\\):\\s*");
  private static final String SQL_MAGIC = "%%sql";

  private final SqlSession session;
  private final int maxRows;

  public NotebookRunner(SqlSession session, int maxRows) {
    this.session = requireNonNull(session, "session is null");
    this.maxRows = maxRows;
  }

  /**
   * What one SQL cell gave.
   *
   * @param label where the cell is, for messages: {@code name.ipynb cell 7 (cell-id)}
   * @param id the cell's nbformat id, empty when it has none
   * @param result the rows, when the query succeeded
   * @param error the error message, when it failed
   */
  public record CellRun(
      String label, String id, Optional<QueryResult> result, Optional<String> error) {}

  /** The SQL cells of one notebook run, in order. */
  public record NotebookRun(String name, List<CellRun> cells) {
    public NotebookRun {
      cells = List.copyOf(cells);
    }

    public List<CellRun> failures() {
      return cells.stream().filter(cell -> cell.error().isPresent()).toList();
    }

    /** The result of the SQL cell with this id. */
    public QueryResult result(String id) {
      return cells.stream()
          .filter(cell -> cell.id().equals(id))
          .findFirst()
          .flatMap(CellRun::result)
          .orElseThrow(() -> new IllegalArgumentException(name + " has no result for cell " + id));
    }
  }

  /** Runs the notebook file and writes it back with the new outputs. */
  public NotebookRun run(Path file) {
    Notebook notebook = Notebook.read(file);
    NotebookRun run = execute(notebook, file.getFileName().toString());
    notebook.write(file);
    return run;
  }

  /** Runs the SQL cells of {@code notebook}, replacing their outputs in place. */
  NotebookRun execute(Notebook notebook, String name) {
    Map<String, String> parameters = new HashMap<>();
    List<CellRun> runs = new ArrayList<>();
    List<ObjectNode> cells = notebook.cells();
    for (int i = 0; i < cells.size(); i++) {
      ObjectNode cell = cells.get(i);
      if (!Notebook.isCode(cell)) {
        continue;
      }
      String source = Notebook.source(cell);
      if (!source.stripLeading().startsWith(SQL_MAGIC)) {
        parameters.putAll(assignments(source));
        continue;
      }
      String id = cell.path("id").asText("");
      String label = name + " cell " + (i + 1) + (id.isEmpty() ? "" : " (" + id + ")");
      int count = runs.size() + 1;
      CellRun run = executeCell(label, id, query(source), parameters);
      runs.add(run);
      ArrayNode outputs = cell.putArray("outputs");
      outputs.add(
          run.result().isPresent()
              ? executeResult(run.result().get(), count)
              : error(run.error().get()));
      cell.put("execution_count", count);
    }
    return new NotebookRun(name, runs);
  }

  private CellRun executeCell(String label, String id, String sql, Map<String, String> values) {
    if (sql.isEmpty()) {
      return new CellRun(label, id, Optional.empty(), Optional.of("the %%sql cell has no query"));
    }
    Matcher parameter = PARAMETER.matcher(sql);
    StringBuilder bound = new StringBuilder();
    while (parameter.find()) {
      String value = values.get(parameter.group(1));
      if (value == null) {
        return new CellRun(
            label,
            id,
            Optional.empty(),
            Optional.of(
                "parameter {{"
                    + parameter.group(1)
                    + "}} is not set: assign it in a code cell above ("
                    + parameter.group(1)
                    + " = ...)"));
      }
      parameter.appendReplacement(bound, Matcher.quoteReplacement(value));
    }
    parameter.appendTail(bound);
    try {
      return new CellRun(
          label, id, Optional.of(session.query(bound.toString(), maxRows)), Optional.empty());
    } catch (SQLException e) {
      String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
      return new CellRun(
          label, id, Optional.empty(), Optional.of(QUERY_ID.matcher(message).replaceFirst("")));
    }
  }

  /** The statement of a {@code %%sql} cell: the lines after the magic, without a final ';'. */
  static String query(String source) {
    String body = source.stripLeading();
    int firstLineEnd = body.indexOf('\n');
    body = firstLineEnd < 0 ? "" : body.substring(firstLineEnd + 1).strip();
    while (body.endsWith(";")) {
      body = body.substring(0, body.length() - 1).strip();
    }
    return body;
  }

  /** Literal assignments of a Python cell, strings without their quotes. */
  static Map<String, String> assignments(String source) {
    Map<String, String> values = new HashMap<>();
    if (source.stripLeading().startsWith("%")) {
      return values;
    }
    for (String line : source.split("\n")) {
      Matcher assignment = ASSIGNMENT.matcher(line);
      if (assignment.matches()) {
        String value = assignment.group(2);
        boolean quoted = value.startsWith("'") || value.startsWith("\"");
        values.put(assignment.group(1), quoted ? value.substring(1, value.length() - 1) : value);
      }
    }
    return values;
  }

  private static ObjectNode executeResult(QueryResult result, int count) {
    ObjectNode output = Notebook.object();
    ObjectNode data = output.putObject("data");
    data.set("text/html", Notebook.lines(result.html()));
    data.set("text/plain", Notebook.lines(result.plainText()));
    output.put("execution_count", count);
    output.putObject("metadata");
    output.put("output_type", "execute_result");
    return output;
  }

  private static ObjectNode error(String message) {
    ObjectNode output = Notebook.object();
    output.put("ename", "SQLError");
    output.put("evalue", message);
    output.put("output_type", "error");
    output.putArray("traceback").add(message);
    return output;
  }
}
