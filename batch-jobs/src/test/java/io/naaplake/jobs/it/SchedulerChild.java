package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./naap scheduler} in a child JVM ({@code SchedulerMain} on the test classpath, which holds
 * the batch-jobs chain runner as its one provider), with its output collected line by line so a
 * test can wait for a line or kill the child the moment it prints one.
 */
final class SchedulerChild implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private SchedulerChild(Process process, String name) {
    this.process = process;
    this.reader = new Thread(this::read, "scheduler-child-output-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the scheduler with {@code properties} as -D system properties. */
  static SchedulerChild start(String name, Map<String, String> properties) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.naaplake.scheduler.SchedulerMain");
    return new SchedulerChild(new ProcessBuilder(command).redirectErrorStream(true).start(), name);
  }

  private void read() {
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = output.readLine()) != null) {
        System.out.println("[scheduler child] " + line);
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (java.io.IOException e) {
      // The child was killed: its output ends here.
    }
  }

  /** How many lines the child has printed so far: a start index for {@link #awaitLine}. */
  int linesSoFar() {
    synchronized (lines) {
      return lines.size();
    }
  }

  /** Waits for a line containing {@code text} printed at index {@code from} or later. */
  String awaitLine(String text, int from, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        for (int i = from; i < lines.size(); i++) {
          if (lines.get(i).contains(text)) {
            return lines.get(i);
          }
        }
        long left = deadline - System.nanoTime();
        assertThat(left > 0 && process.isAlive())
            .as("scheduler child printed '%s' (alive: %s)", text, process.isAlive())
            .isTrue();
        lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  /** The lines printed at index {@code from} or later. */
  List<String> linesFrom(int from) {
    synchronized (lines) {
      return new ArrayList<>(lines.subList(Math.min(from, lines.size()), lines.size()));
    }
  }

  /**
   * SIGTERM, as Ctrl-C or a service manager sends it; true when the process ended within {@code
   * timeout}, its output read to the end.
   */
  boolean terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (ended) {
      reader.join(10_000);
    }
    return ended;
  }

  /** SIGKILL: no shutdown hook runs, the writer lease and the running chain are left behind. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("killed child exited").isTrue();
  }

  /** SIGTERM, as Ctrl-C: the running chain finishes, then the scheduler stops. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      process.waitFor(60, TimeUnit.SECONDS);
    }
  }
}
