package io.naaplake.tools;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapper of the module. Replayed events must reach Kafka as the producer wrote them,
 * so numbers keep their written form: floats are read as exact decimals (no {@code 1.7435E9} from a
 * double, no lost digits) and trailing zeros are kept ({@code 0.0} stays {@code 0.0}).
 */
final class JsonSupport {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  /** Reads one value out of a longer stream (an element of an array), so no trailing check. */
  static final ObjectReader ELEMENT_READER =
      MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }

  /** Compact (no whitespace) UTF-8 JSON, the form events have on the wire. */
  static byte[] compactBytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // A tree built by Jackson itself always serialises; failing here is a bug.
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  private JsonSupport() {}
}
