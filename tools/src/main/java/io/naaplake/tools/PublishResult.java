package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the broker acknowledged for one publish call: per partition, how many records and the first
 * and last offset they were written at, so a test can read exactly that range back.
 *
 * @param payloadBytes key plus value bytes of all acknowledged records (before compression)
 */
public record PublishResult(
    String topic, long records, long payloadBytes, List<PartitionRange> partitions) {

  /** The records acknowledged on one partition, at offsets {@code [firstOffset, lastOffset]}. */
  public record PartitionRange(int partition, long records, long firstOffset, long lastOffset) {}

  public PublishResult {
    requireNonNull(topic, "topic is null");
    partitions = List.copyOf(partitions);
  }
}
