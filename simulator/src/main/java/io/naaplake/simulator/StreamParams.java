package io.naaplake.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The parameters of a live stream, kept sorted by key as the runner prints them. The hash is the
 * runner's: MD5 of Python's {@code json.dumps(params, sort_keys=True)}, which for the sample's
 * {@code {"height": 512, "width": 512}} is {@code f2f41bce75e30de92f8c308a6722859b}.
 */
final class StreamParams {
  private final TreeMap<String, Object> values;
  private final String hash;

  private StreamParams(TreeMap<String, Object> values) {
    this.values = values;
    this.hash = md5Hex(pythonJson(values));
  }

  /** What a stream starts with, as in the sample. */
  static StreamParams initial(int size) {
    TreeMap<String, Object> values = new TreeMap<>();
    values.put("height", size);
    values.put("width", size);
    return new StreamParams(values);
  }

  /** A params update: a new prompt and settings. */
  static StreamParams update(SplittableRandom random, int size) {
    TreeMap<String, Object> values = new TreeMap<>();
    values.put("height", size);
    values.put("negative_prompt", "blurry, low quality, distorted");
    values.put("num_inference_steps", 1 + random.nextInt(4));
    values.put("prompt", Catalog.pick(random, Catalog.PROMPTS));
    values.put("seed", random.nextInt(1_000_000));
    values.put("strength", (30 + random.nextInt(60)) / 100.0);
    values.put("width", size);
    return new StreamParams(values);
  }

  String hash() {
    return hash;
  }

  void write(JsonGenerator g, String field) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      Object value = entry.getValue();
      if (value instanceof Integer i) {
        g.writeNumberField(entry.getKey(), i);
      } else if (value instanceof Double d) {
        g.writeNumberField(entry.getKey(), d);
      } else {
        g.writeStringField(entry.getKey(), (String) value);
      }
    }
    g.writeEndObject();
  }

  private static String pythonJson(TreeMap<String, Object> values) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append('"').append(entry.getKey()).append("\": ");
      Object value = entry.getValue();
      if (value instanceof String s) {
        out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      } else {
        out.append(value);
      }
    }
    return out.append('}').toString();
  }

  private static String md5Hex(String text) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks MD5", e);
    }
  }
}
