package io.naaplake.tools;

/** Confirms a topic exists before anything is sent to it. */
@FunctionalInterface
interface TopicCheck extends AutoCloseable {
  /**
   * The topic's partition count, once every partition's leader serves it (a just-created topic is
   * waited for).
   *
   * @throws io.naaplake.errors.NaapException {@code KAFKA_TOPIC_MISSING} when it does not exist,
   *     {@code KAFKA_UNAVAILABLE} when the broker does not answer
   */
  int partitionCount(String topic);

  @Override
  default void close() {}
}
