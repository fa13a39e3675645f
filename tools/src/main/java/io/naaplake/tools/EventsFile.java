package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.errors.LakeErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A file of event envelopes, in either of the two forms events are saved in:
 *
 * <ul>
 *   <li>{@link Format#JSON_LINES}: one envelope object per line, blank lines skipped;
 *   <li>{@link Format#KAFKA_UI_EXPORT}: a JSON array of Kafka UI message wrappers whose {@code
 *       value} is the envelope, as an object or as a JSON string holding one.
 * </ul>
 *
 * The form is detected from the first non-blank character ({@code [} or <code>{</code>), not from
 * the file name. Reading is strict: anything that is not an envelope fails with the line number,
 * because a replay that silently skips events would make downstream counts lie. Ids are kept; the
 * topic named inside a Kafka UI export is ignored (the caller chooses the topic).
 */
public record EventsFile(Path path, Format format, List<Envelope> envelopes) {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /** How the file is laid out. */
  public enum Format {
    JSON_LINES,
    KAFKA_UI_EXPORT
  }

  public EventsFile {
    requireNonNull(path, "path is null");
    requireNonNull(format, "format is null");
    envelopes = List.copyOf(envelopes);
  }

  /** Reads every envelope of {@code path}. */
  public static EventsFile read(Path path) {
    requireNonNull(path, "path is null");
    if (!Files.isRegularFile(path)) {
      throw LakeErrors.badInput(path.toString(), "no such file");
    }
    try {
      Format format = detectFormat(path);
      List<Envelope> envelopes =
          format == Format.JSON_LINES ? readJsonLines(path) : readKafkaUiExport(path);
      if (envelopes.isEmpty()) {
        throw LakeErrors.badInput(path.toString(), "the file holds no events");
      }
      return new EventsFile(path, format, envelopes);
    } catch (CharacterCodingException e) {
      throw LakeErrors.badInput(path.toString(), "not UTF-8 text");
    } catch (IOException e) {
      throw LakeErrors.ioFailure("reading " + path, e);
    }
  }

  /** Number of envelopes per {@code type}, sorted by type. */
  public Map<String, Long> countByType() {
    return Collections.unmodifiableMap(
        envelopes.stream()
            .collect(Collectors.groupingBy(Envelope::type, TreeMap::new, Collectors.counting())));
  }

  private static Format detectFormat(Path path) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      int c = reader.read();
      while (c != -1 && (Character.isWhitespace(c) || c == BYTE_ORDER_MARK)) {
        c = reader.read();
      }
      if (c == '[') {
        return Format.KAFKA_UI_EXPORT;
      }
      if (c == '{') {
        return Format.JSON_LINES;
      }
      if (c == -1) {
        throw LakeErrors.badInput(path.toString(), "the file holds no events");
      }
      throw LakeErrors.badInput(
          path.toString(),
          "neither JSON lines (one envelope object per line) nor a Kafka UI export (a JSON array):"
              + " it starts with '"
              + (char) c
              + "'");
    }
  }

  private static List<Envelope> readJsonLines(Path path) throws IOException {
    List<Envelope> envelopes = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        String origin = path + " line " + lineNumber;
        envelopes.add(Envelope.of(parseObject(line, origin), origin));
      }
    }
    return envelopes;
  }

  private static List<Envelope> readKafkaUiExport(Path path) throws IOException {
    List<Envelope> envelopes = new ArrayList<>();
    // Streaming through the array gives each element's line number for error messages.
    try (JsonParser parser = JsonSupport.MAPPER.createParser(path.toFile())) {
      parser.nextToken(); // START_ARRAY, checked by detectFormat
      int index = 0;
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        if (token == null) {
          throw LakeErrors.badInput(path.toString(), "the JSON array is not closed");
        }
        String origin =
            path
                + " line "
                + parser.currentTokenLocation().getLineNr()
                + " (element "
                + index
                + ")";
        JsonNode wrapper = JsonSupport.ELEMENT_READER.readTree(parser);
        envelopes.add(Envelope.of(envelopeOfWrapper(wrapper, origin), origin));
        index++;
      }
      if (parser.nextToken() != null) {
        throw LakeErrors.badInput(
            path + " line " + parser.currentTokenLocation().getLineNr(),
            "unexpected content after the JSON array");
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
      throw LakeErrors.badInput(path + where, "not valid JSON: " + e.getOriginalMessage());
    }
    return envelopes;
  }

  private static ObjectNode envelopeOfWrapper(JsonNode wrapper, String origin) {
    JsonNode value = wrapper.get("value");
    if (!wrapper.isObject() || value == null) {
      throw LakeErrors.badInput(origin, "a Kafka UI export element must be an object with 'value'");
    }
    if (value.isObject()) {
      return (ObjectNode) value;
    }
    if (value.isTextual()) {
      return parseObject(value.asText(), origin + " value");
    }
    throw LakeErrors.badInput(
        origin, "'value' must be an envelope object or a JSON string holding one, found " + value);
  }

  private static ObjectNode parseObject(String json, String origin) {
    JsonNode node;
    try {
      node = JsonSupport.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw LakeErrors.badInput(origin, "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw LakeErrors.badInput(origin, "expected an envelope JSON object");
    }
    return (ObjectNode) node;
  }
}
