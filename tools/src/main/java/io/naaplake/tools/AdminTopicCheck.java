package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * {@link TopicCheck} through the admin API: {@code describeTopics}, then {@code listOffsets} on
 * every partition.
 *
 * <p>Why the offsets probe: right after a topic is created, the metadata can name a leader before
 * that broker serves the partition. An idempotent producer's first batch then fails with a
 * retriable error while its next batch is accepted (the broker has no sequence state yet), and the
 * retried first batch is rejected as out of order until the delivery timeout. {@code listOffsets}
 * answers only from a leader that serves the partition, and the admin client retries it until then.
 */
final class AdminTopicCheck implements TopicCheck {
  /** Past the admin client's own timeout, so its descriptive error normally arrives first. */
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final Admin admin;
  private final String bootstrapServers;
  private final Duration timeout;

  AdminTopicCheck(Admin admin, String bootstrapServers, Duration timeout) {
    this.admin = requireNonNull(admin, "admin is null");
    this.bootstrapServers = requireNonNull(bootstrapServers, "bootstrapServers is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
  }

  @Override
  public int partitionCount(String topic) {
    try {
      TopicDescription description =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)
              .get(topic);
      awaitLeaders(topic, description);
      return description.partitions().size();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw LakeErrors.topicMissing(topic, bootstrapServers);
      }
      throw LakeErrors.kafkaUnavailable(bootstrapServers, e.getCause());
    } catch (TimeoutException e) {
      throw LakeErrors.kafkaUnavailable(bootstrapServers, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LakeErrors.kafkaUnavailable(bootstrapServers, e);
    }
  }

  private void awaitLeaders(String topic, TopicDescription description)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicPartitionInfo partition : description.partitions()) {
      latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
    }
    admin.listOffsets(latest).all().get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    admin.close(timeout);
  }
}
