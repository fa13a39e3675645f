package io.naaplake.jobs.bronze;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * What the bronze transform needs to know about the batch it runs in. Everything a row carries that
 * is not in the Kafka message comes from here, never from the clock.
 */
public record IngestBatchContext(
    String runId, long batchId, Instant runTime, Map<String, String> topicOrgs)
    implements Serializable {

  public IngestBatchContext {
    requireNonNull(runId, "runId is null");
    requireNonNull(runTime, "runTime is null");
    topicOrgs = Map.copyOf(topicOrgs);
  }

  /** The org of a topic; topics are only read when configured, so a miss is a bug. */
  public String orgOf(String topic) {
    String org = topicOrgs.get(topic);
    if (org == null) {
      throw new IllegalStateException("topic " + topic + " has no configured org");
    }
    return org;
  }
}
