package io.naaplake.simulator;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import io.naaplake.errors.NaapException;
import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishProgress;
import io.naaplake.tools.PublishResult;
import io.naaplake.tools.RawMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Publishes delivered messages to Kafka through tools' {@link KafkaEventPublisher#publishRaw}, so
 * malformed bytes go out exactly as generated. One thread per topic runs one {@code publishRaw}
 * call over a blocking queue: per-topic order is the delivery order, memory is bounded by the queue
 * and the simulator waits when Kafka is slower than generation ("as fast as Kafka takes them").
 * Topics are checked when the sink is created, before anything is generated. Owns the publisher.
 */
public final class KafkaMessageSink implements MessageSink, AutoCloseable {
  private static final RawMessage END = new RawMessage(null, null);

  private final KafkaEventPublisher publisher;
  private final Map<String, Lane> lanes = new TreeMap<>();
  private volatile RuntimeException failure;
  private boolean closed;

  private final class Lane implements Runnable {
    final String topic;
    final BlockingQueue<RawMessage> queue;
    final Thread thread;
    PublishResult result;

    Lane(String topic, int capacity) {
      this.topic = topic;
      this.queue = new ArrayBlockingQueue<>(capacity);
      this.thread = new Thread(this, "simulate-publish-" + topic);
      this.thread.setDaemon(true);
    }

    @Override
    public void run() {
      try {
        result = publisher.publishRaw(topic, this::messages, PublishProgress.none());
      } catch (RuntimeException e) {
        failure = e;
      }
    }

    private Iterator<RawMessage> messages() {
      return new Iterator<>() {
        private RawMessage pending;

        @Override
        public boolean hasNext() {
          if (pending == null) {
            try {
              pending = queue.take();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              pending = END;
            }
          }
          return pending != END;
        }

        @Override
        public RawMessage next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          RawMessage message = pending;
          pending = null;
          return message;
        }
      };
    }
  }

  /**
   * Checks every topic exists (failing with {@code KAFKA_TOPIC_MISSING} otherwise) and starts one
   * publishing thread per topic, each buffering up to {@code queueCapacity} messages.
   */
  public KafkaMessageSink(
      KafkaEventPublisher publisher, Collection<String> topics, int queueCapacity) {
    this.publisher = requireNonNull(publisher, "publisher is null");
    try {
      for (String topic : topics) {
        publisher.requireTopic(topic);
      }
    } catch (RuntimeException e) {
      publisher.close();
      throw e;
    }
    for (String topic : topics) {
      lanes.put(topic, new Lane(topic, queueCapacity));
    }
    lanes.values().forEach(lane -> lane.thread.start());
  }

  @Override
  public void deliver(String topic, byte[] key, byte[] value) {
    Lane lane = lanes.get(topic);
    if (lane == null) {
      throw LakeErrors.badInput(topic, "no publisher for this topic");
    }
    RawMessage message = new RawMessage(key, value);
    try {
      while (!lane.queue.offer(message, 100, TimeUnit.MILLISECONDS)) {
        rethrowFailure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LakeErrors.ioFailure("publishing to " + topic, e);
    }
    rethrowFailure();
  }

  private void rethrowFailure() {
    RuntimeException e = failure;
    if (e != null) {
      throw e instanceof NaapException ? e : LakeErrors.kafkaUnavailable("the broker", e);
    }
  }

  /** Waits for every message to be acknowledged; throws if any publish failed. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (Lane lane : lanes.values()) {
        while (lane.thread.isAlive() && !lane.queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
          // the lane is busy; its thread ends on failure, so the loop cannot spin forever
        }
      }
      for (Lane lane : lanes.values()) {
        lane.thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LakeErrors.ioFailure("waiting for Kafka acknowledgements", e);
    } finally {
      publisher.close();
    }
    rethrowFailure();
  }

  /** What the broker acknowledged per topic; complete after {@link #close()}. */
  public List<PublishResult> results() {
    List<PublishResult> results = new ArrayList<>();
    for (Lane lane : lanes.values()) {
      if (lane.result != null) {
        results.add(lane.result);
      }
    }
    return results;
  }
}
