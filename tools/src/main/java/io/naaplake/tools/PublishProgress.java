package io.naaplake.tools;

/** Told how far a long publish has come, so a command can print progress. */
@FunctionalInterface
public interface PublishProgress {
  /** Called after every {@link KafkaEventPublisher#PROGRESS_INTERVAL} records handed over. */
  void sent(long records);

  static PublishProgress none() {
    return records -> {};
  }
}
