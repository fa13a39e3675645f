package io.naaplake.jobs.export;

import java.util.List;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark hands arrays and maps out of a {@code Row} as Scala collections; these view them as Java.
 */
final class SparkValues {

  static List<?> list(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    return CollectionConverters.asJava((scala.collection.Seq<?>) value);
  }

  static Map<?, ?> map(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    return CollectionConverters.asJava((scala.collection.Map<?, ?>) value);
  }

  private SparkValues() {}
}
