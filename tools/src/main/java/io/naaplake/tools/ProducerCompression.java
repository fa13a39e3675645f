package io.naaplake.tools;

import io.naaplake.errors.LakeErrors;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The producer's {@code compression.type}; every codec here ships with kafka-clients. */
public enum ProducerCompression {
  NONE,
  LZ4,
  ZSTD,
  GZIP,
  SNAPPY;

  /** The value Kafka's {@code compression.type} expects. */
  public String kafkaName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ProducerCompression parse(String key, String text) {
    for (ProducerCompression compression : values()) {
      if (compression.kafkaName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return compression;
      }
    }
    throw LakeErrors.badConfiguration(
        key,
        text,
        "expected one of "
            + Arrays.stream(values())
                .map(ProducerCompression::kafkaName)
                .collect(Collectors.joining(", ")));
  }
}
