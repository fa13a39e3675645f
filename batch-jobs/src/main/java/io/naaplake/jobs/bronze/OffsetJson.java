package io.naaplake.jobs.bronze;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Offset ranges as Spark's Kafka source and ops.job_runs spell them: one JSON object per topic,
 * keyed by partition number.
 */
final class OffsetJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code {"topic":{"0":<start>,...}}} or the end offsets: Spark's starting/endingOffsets. */
  static String offsets(List<OffsetRange> ranges, boolean starting) {
    return byTopic(
        ranges,
        (topic, range) ->
            topic.put(Integer.toString(range.partition()), starting ? range.start() : range.end()));
  }

  /** {@code {"topic":{"0":[start,end],...}}}: a batch's ranges, for ops.job_runs. */
  static String ranges(List<OffsetRange> ranges) {
    return byTopic(
        ranges,
        (topic, range) ->
            topic
                .putArray(Integer.toString(range.partition()))
                .add(range.start())
                .add(range.end()));
  }

  /** {@code {"topic":[0,1,...]}}: Spark's {@code assign} option. */
  static String assignment(List<OffsetRange> ranges) {
    ObjectNode root = JSON.createObjectNode();
    for (OffsetRange range : ranges) {
      ArrayNode partitions =
          root.has(range.topic())
              ? (ArrayNode) root.get(range.topic())
              : root.putArray(range.topic());
      partitions.add(range.partition());
    }
    return root.toString();
  }

  private static String byTopic(List<OffsetRange> ranges, BiConsumer<ObjectNode, OffsetRange> put) {
    ObjectNode root = JSON.createObjectNode();
    for (OffsetRange range : ranges) {
      ObjectNode topic =
          root.has(range.topic())
              ? (ObjectNode) root.get(range.topic())
              : root.putObject(range.topic());
      put.accept(topic, range);
    }
    return root.toString();
  }

  private OffsetJson() {}
}
