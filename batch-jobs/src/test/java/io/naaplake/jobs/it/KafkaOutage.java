package io.naaplake.jobs.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the tests' shared Kafka broker with the real infra/kafka.sh, using the
 * environment ./naap test exports (NAAP_RUN_DIR, NAAP_KAFKA_PORT, NAAP_KAFKA_CONTROLLER_PORT).
 * Every other test uses that broker: {@link #stop} must be paired with {@link #start} in a finally
 * block.
 */
final class KafkaOutage {
  private KafkaOutage() {}

  static void stop() throws Exception {
    run("stop");
  }

  /**
   * Starts the broker and returns once it answers metadata requests (kafka.sh waits for it). On a
   * loaded machine the broker can take longer than kafka.sh's check: a second start then finds it
   * running and only checks the topics.
   */
  static void start() throws Exception {
    try {
      run("start");
    } catch (AssertionError slow) {
      run("start");
    }
  }

  private static void run(String command) throws IOException, InterruptedException {
    requireTheTestsBroker();
    Path log = Path.of("target", "kafka-outage.log");
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder("bash", infra().resolve("kafka.sh").toString(), command)
            .redirectErrorStream(true)
            // Into a file: a forked test JVM's own stdout is the test framework's channel.
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new AssertionError("infra/kafka.sh " + command + " failed; see " + log);
    }
  }

  /**
   * Refuses to act unless the environment names the broker the tests use: kafka.sh with other
   * settings would stop nothing, or start a second broker elsewhere.
   */
  private static void requireTheTestsBroker() {
    String port = System.getenv("NAAP_KAFKA_PORT");
    String runDir = System.getenv("NAAP_RUN_DIR");
    if (port == null || runDir == null || !ItEnvironment.kafka().endsWith(":" + port)) {
      throw new IllegalStateException(
          "NAAP_RUN_DIR and NAAP_KAFKA_PORT must name the tests' broker ("
              + ItEnvironment.kafka()
              + "), as ./naap test exports them; got NAAP_RUN_DIR="
              + runDir
              + ", NAAP_KAFKA_PORT="
              + port);
    }
  }

  private static Path infra() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("infra/kafka.sh"))) {
        return dir.resolve("infra");
      }
    }
    throw new IllegalStateException(
        "infra/kafka.sh not found above " + Path.of("").toAbsolutePath());
  }
}
