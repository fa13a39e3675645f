package io.naaplake.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Receives ground-truth records as they become final. Records of one file arrive in the order the
 * file is written; records of different files interleave. {@link TruthDirectory} writes them as
 * JSON lines; tests can keep them in memory.
 */
@FunctionalInterface
public interface TruthSink {
  /** A sink that wants nothing: the simulator then skips building truth altogether. */
  TruthSink NONE =
      new TruthSink() {
        @Override
        public void accept(TruthFile file, ObjectNode record) {}

        @Override
        public boolean wants(TruthFile file) {
          return false;
        }
      };

  /** One record of {@code file}. The node belongs to the sink. */
  void accept(TruthFile file, ObjectNode record);

  /**
   * One delivered message, a record of {@link TruthFile#MESSAGES}. The default hands its JSON to
   * {@link #accept}; sinks may keep the typed record instead (it is cheaper).
   */
  default void message(DeliveredMessage message) {
    accept(TruthFile.MESSAGES, message.toJson());
  }

  /** Whether records of {@code file} are wanted; unwanted ones are not built (e.g. messages). */
  default boolean wants(TruthFile file) {
    return true;
  }
}
