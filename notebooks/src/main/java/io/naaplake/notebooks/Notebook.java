package io.naaplake.notebooks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.errors.LakeErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter notebook (nbformat 4) as its JSON tree, so fields this class does not know survive a
 * rewrite. Written the way Jupyter writes it (keys sorted, one-space indent, {@code ": "} between
 * key and value, {@code []} for empty lists, a final newline), so running a notebook that Jupyter
 * saved only changes its outputs.
 */
public final class Notebook {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

  private static final DefaultPrettyPrinter JUPYTER_LAYOUT =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter(" ", "\n"))
          .withArrayIndenter(new DefaultIndenter(" ", "\n"));

  private final ObjectNode root;

  private Notebook(ObjectNode root) {
    this.root = requireNonNull(root, "root is null");
  }

  /** Parses a notebook; {@code name} only labels errors. */
  public static Notebook parse(String json, String name) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw LakeErrors.badInput(name, "not JSON: " + e.getOriginalMessage());
    }
    if (root == null
        || !root.isObject()
        || root.path("nbformat").asInt() != 4
        || !root.path("cells").isArray()) {
      throw LakeErrors.badInput(name, "not an nbformat 4 notebook (no \"nbformat\": 4 and cells)");
    }
    return new Notebook((ObjectNode) root);
  }

  public static Notebook read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw LakeErrors.ioFailure("reading notebook " + file, e);
    }
  }

  public void write(Path file) {
    try {
      Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw LakeErrors.ioFailure("writing notebook " + file, e);
    }
  }

  public String toJson() {
    try {
      return JSON.writer(JUPYTER_LAYOUT).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("serializing a JSON tree cannot fail", e);
    }
  }

  /** The cells, in order; changes to them change this notebook. */
  public List<ObjectNode> cells() {
    List<ObjectNode> cells = new ArrayList<>();
    root.withArray("cells").forEach(cell -> cells.add((ObjectNode) cell));
    return cells;
  }

  /** A cell's source: nbformat allows one string or a list of lines. */
  public static String source(ObjectNode cell) {
    return text(cell.path("source"));
  }

  public static boolean isCode(ObjectNode cell) {
    return "code".equals(cell.path("cell_type").asText());
  }

  /** A multi-line string field (a string or a list of strings) as one string. */
  static String text(JsonNode value) {
    if (value.isArray()) {
      StringBuilder joined = new StringBuilder();
      value.forEach(line -> joined.append(line.asText()));
      return joined.toString();
    }
    return value.asText("");
  }

  /** Text as Jupyter stores it: a list of lines, each but the last ending in its newline. */
  static ArrayNode lines(String text) {
    ArrayNode lines = JSON.createArrayNode();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      int next = end < 0 ? text.length() : end + 1;
      lines.add(text.substring(start, next));
      start = next;
    }
    return lines;
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
