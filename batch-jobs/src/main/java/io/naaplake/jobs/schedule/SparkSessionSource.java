package io.naaplake.jobs.schedule;

import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.lake.SparkSessions;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Where {@link SparkChainRunner} gets its one long-lived SparkSession and what it does with it when
 * the scheduler stops. The scheduler owns its session ({@link #owned}); tests lend the runner the
 * session they share with other tests ({@link #borrowed}), which it must not stop.
 */
public interface SparkSessionSource {

  SparkSession open();

  /** Called once when the runner closes, with the session {@link #open} returned. */
  void release(SparkSession session);

  /**
   * A session of the scheduler's own, built by {@link SparkSessions#create} and stopped at close.
   */
  static SparkSessionSource owned(JobsConfig config, String appName) {
    return new SparkSessionSource() {
      @Override
      public SparkSession open() {
        return SparkSessions.create(config, appName);
      }

      @Override
      public void release(SparkSession session) {
        session.stop();
      }
    };
  }

  /** Someone else's session: used, never stopped. */
  static SparkSessionSource borrowed(Supplier<SparkSession> session) {
    return new SparkSessionSource() {
      @Override
      public SparkSession open() {
        return session.get();
      }

      @Override
      public void release(SparkSession ignored) {
        // Its owner stops it.
      }
    };
  }
}
