package io.naaplake.jobs.silver;

import com.fasterxml.jackson.databind.JsonNode;
import io.naaplake.jobs.silver.PayloadProblem.Reason;
import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.events.WireNames;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a payload object into silver column values, driven by the family's contract: nested objects
 * are flattened to {@code parent_child} columns (as {@code SilverTables} declares them); arrays and
 * maps become lists and maps of values, nested structs {@link StructValue}s. The first violation of
 * the contract stops the read and is reported as a {@link WireValueException}.
 */
final class PayloadReader {
  private final ClientIpPolicy clientIps;

  PayloadReader(ClientIpPolicy clientIps) {
    this.clientIps = clientIps;
  }

  /** Column name to value for every flattened contract field. */
  Map<String, Object> read(JsonNode payload, LakeType.Struct contract, String path)
      throws WireValueException {
    if (!payload.isObject()) {
      throw ScalarReader.problem(path, Reason.WRONG_SHAPE, "expected an object: " + payload);
    }
    Map<String, Object> columns = new LinkedHashMap<>();
    flatten(payload, contract, "", path, columns);
    return columns;
  }

  private void flatten(
      JsonNode object, LakeType.Struct struct, String prefix, String path, Map<String, Object> out)
      throws WireValueException {
    for (Column field : struct.fields()) {
      String wire = WireNames.wireName(field);
      String fieldPath = path + "." + wire;
      JsonNode node = object == null ? null : object.get(wire);
      if (field.type() instanceof LakeType.Struct nested) {
        requireIfMandatory(field, node, fieldPath);
        if (node != null && !ScalarReader.isAbsent(node) && !node.isObject()) {
          throw ScalarReader.problem(fieldPath, Reason.WRONG_SHAPE, node.toString());
        }
        flatten(
            ScalarReader.isAbsent(node) ? null : node,
            nested,
            prefix + field.name() + "_",
            fieldPath,
            out);
        continue;
      }
      out.put(prefix + field.name(), value(field, node, fieldPath));
    }
  }

  private Object value(Column field, JsonNode node, String path) throws WireValueException {
    requireIfMandatory(field, node, path);
    Object value = convert(node, field.type(), path);
    if (value instanceof String text) {
      return policy(field.name(), text);
    }
    return value;
  }

  private static void requireIfMandatory(Column field, JsonNode node, String path)
      throws WireValueException {
    if (!field.nullable() && ScalarReader.isAbsent(node)) {
      throw ScalarReader.problem(path, Reason.MISSING_REQUIRED_FIELD, "absent or empty");
    }
  }

  /** Addresses are compared lower-cased everywhere; client IPs never leave bronze raw. */
  private String policy(String column, String text) {
    if (ClientIpPolicy.isClientIp(column)) {
      return clientIps.protect(text);
    }
    if (isAddress(column)) {
      return text.trim().toLowerCase(Locale.ROOT);
    }
    return text;
  }

  static boolean isAddress(String column) {
    return column.equals("address")
        || column.endsWith("_address")
        || column.equals("recipient")
        || column.equals("sender")
        || column.equals("orch_address");
  }

  private Object convert(JsonNode node, LakeType type, String path) throws WireValueException {
    if (ScalarReader.isAbsent(node)) {
      return null;
    }
    if (type instanceof LakeType.Primitive primitive) {
      return ScalarReader.read(node, primitive, path);
    }
    if (type instanceof LakeType.Decimal decimal) {
      return ScalarReader.decimal(node, decimal, path);
    }
    if (type instanceof LakeType.Array array) {
      return list(node, array.element(), path);
    }
    if (type instanceof LakeType.MapOf map) {
      return map(node, map, path);
    }
    return struct(node, (LakeType.Struct) type, path);
  }

  private StructValue struct(JsonNode node, LakeType.Struct struct, String path)
      throws WireValueException {
    if (!node.isObject()) {
      throw ScalarReader.problem(path, Reason.WRONG_SHAPE, "expected an object: " + node);
    }
    List<Object> values = new ArrayList<>();
    for (Column field : struct.fields()) {
      String fieldPath = path + "." + WireNames.wireName(field);
      Object value = value(field, node.get(WireNames.wireName(field)), fieldPath);
      values.add(value);
    }
    return new StructValue(values);
  }

  private List<Object> list(JsonNode node, LakeType element, String path)
      throws WireValueException {
    List<Object> values = new ArrayList<>();
    if (node.isArray()) {
      int index = 0;
      for (JsonNode item : node) {
        values.add(element(item, element, index, null, path + "[" + index + "]"));
        index++;
      }
      return values;
    }
    if (node.isObject() && element instanceof LakeType.Struct struct) {
      return keyedElements(node, struct, path);
    }
    throw ScalarReader.problem(path, Reason.WRONG_SHAPE, "expected an array: " + node);
  }

  /**
   * Arrays sent as objects: {@code gpu_info} keyed "0","1",... (key into the struct's {@code
   * index}), and PerCapability {capability id: {models: {model id: {...}}}} (keys into {@code
   * capability_id} and {@code model_id}). Entries are read in key order, so the result is
   * deterministic.
   */
  private List<Object> keyedElements(JsonNode object, LakeType.Struct struct, String path)
      throws WireValueException {
    List<Object> values = new ArrayList<>();
    String first = struct.fields().get(0).name();
    for (Map.Entry<String, JsonNode> entry : sortedFields(object).entrySet()) {
      String entryPath = path + "." + entry.getKey();
      if (first.equals("capability_id")) {
        JsonNode models = entry.getValue().get("models");
        if (models == null || !models.isObject()) {
          throw ScalarReader.problem(entryPath, Reason.WRONG_SHAPE, "expected {models: {...}}");
        }
        for (Map.Entry<String, JsonNode> model : sortedFields(models).entrySet()) {
          values.add(
              keyed(model.getValue(), struct, List.of(entry.getKey(), model.getKey()), entryPath));
        }
      } else {
        values.add(element(entry.getValue(), struct, -1, entry.getKey(), entryPath));
      }
    }
    return values;
  }

  private Object element(JsonNode item, LakeType type, int position, String key, String path)
      throws WireValueException {
    if (type instanceof LakeType.Struct struct && struct.fields().get(0).name().equals("index")) {
      String index = key != null ? key : Integer.toString(position);
      return keyed(item, struct, List.of(index), path);
    }
    return convert(item, type, path);
  }

  /** A struct whose first fields come from object keys rather than from the value. */
  private StructValue keyed(JsonNode value, LakeType.Struct struct, List<String> keys, String path)
      throws WireValueException {
    if (!value.isObject()) {
      throw ScalarReader.problem(path, Reason.WRONG_SHAPE, "expected an object: " + value);
    }
    List<Object> values = new ArrayList<>();
    List<Column> fields = struct.fields();
    for (int i = 0; i < fields.size(); i++) {
      Column field = fields.get(i);
      if (i < keys.size()) {
        values.add(
            convert(
                com.fasterxml.jackson.databind.node.TextNode.valueOf(keys.get(i)),
                field.type(),
                path));
      } else {
        String wire = WireNames.wireName(field);
        values.add(value(field, value.get(wire), path + "." + wire));
      }
    }
    return new StructValue(values);
  }

  private Map<Object, Object> map(JsonNode node, LakeType.MapOf type, String path)
      throws WireValueException {
    if (!node.isObject()) {
      throw ScalarReader.problem(path, Reason.WRONG_SHAPE, "expected an object: " + node);
    }
    Map<Object, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : sortedFields(node).entrySet()) {
      String entryPath = path + "." + entry.getKey();
      Object key =
          convert(
              com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey()),
              type.key(),
              entryPath);
      values.put(key, convert(entry.getValue(), type.value(), entryPath));
    }
    return values;
  }

  /** Object fields ordered by key, numerically where keys are numbers. */
  private static Map<String, JsonNode> sortedFields(JsonNode object) {
    Map<String, JsonNode> sorted = new TreeMap<>(PayloadReader::compareKeys);
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      sorted.put(field.getKey(), field.getValue());
    }
    return sorted;
  }

  private static int compareKeys(String a, String b) {
    boolean numericA = a.chars().allMatch(Character::isDigit) && !a.isEmpty() && a.length() < 10;
    boolean numericB = b.chars().allMatch(Character::isDigit) && !b.isEmpty() && b.length() < 10;
    if (numericA && numericB) {
      return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
    }
    return a.compareTo(b);
  }
}
