package io.naaplake.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/lib.sh's {@code stop_jobs}, as {@code ./naap demo}'s Ctrl-C trap uses it: a script starts
 * background jobs the way the demo does (a function in the background, whose long-running child
 * stands in for a JVM), and on the trap's signal the child processes must be gone, not just the job
 * subshells (the demo used to leave the scheduler, the simulator and the API running).
 */
class LauncherStopJobsTest {
  private static final Path LIB = Path.of("..", "infra", "lib.sh").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void theTrapStopsTheProcessesUnderEveryBackgroundJob() throws Exception {
    Run run = start("serve() { sleep 300; }\nserve &\nserve &\n");
    assertThat(run.children()).hasSize(2);

    interrupt(run.script());

    assertThat(run.script().waitFor(30, TimeUnit.SECONDS)).as("script ended").isTrue();
    assertThat(run.script().exitValue()).isZero();
    for (long pid : run.children()) {
      assertThat(alive(pid)).as("process %d under a background job", pid).isFalse();
    }
  }

  @Test
  void aProcessIgnoringSigtermIsKilledAfterTheGracePeriod() throws Exception {
    // The subshell ignores TERM and so does its sleep (an ignored signal stays ignored across
    // exec).
    Run run = start("stubborn() { trap '' TERM; sleep 300; }\nstubborn &\n");
    long started = System.nanoTime();

    interrupt(run.script());

    assertThat(run.script().waitFor(30, TimeUnit.SECONDS)).as("script ended").isTrue();
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))
        .as("seconds until the grace period (2 s) ran out")
        .isGreaterThanOrEqualTo(2);
    assertThat(alive(run.children()[0])).isFalse();
  }

  /** Runs the jobs under a demo-like trap; returns once the script printed its children's pids. */
  private Run start(String jobs) throws IOException {
    Path script = dir.resolve("demo-like.sh");
    Files.writeString(
        script,
        "set -euo pipefail\n"
            + ". '"
            + LIB
            + "'\n"
            + "trap 'stop_jobs 2; exit 0' INT TERM\n"
            + jobs
            + "sleep 0.5\n"
            + "kids=(); for j in $(jobs -p); do kids+=($(descendants $j)); done\n"
            + "echo \"children ${kids[*]}\"\n"
            + "wait\n",
        StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder("bash", script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the script's first line").startsWith("children ");
    long[] children =
        java.util.Arrays.stream(line.substring("children ".length()).trim().split("\\s+"))
            .mapToLong(Long::parseLong)
            .toArray();
    return new Run(process, children);
  }

  /**
   * SIGTERM, which the trap handles as it handles Ctrl-C's SIGINT: a test run started in the
   * background of a non-interactive shell (as CI may) inherits an ignored SIGINT, which a script
   * cannot trap.
   */
  private static void interrupt(Process script) throws Exception {
    Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(script.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private record Run(Process script, long[] children) {}
}
