package io.naaplake.jobs.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcurrentWritesTest {
  @Test
  void resultsComeBackInInputOrderWhateverOrderTheyFinishIn() {
    // Earlier inputs sleep longer, so they finish last.
    List<Integer> inputs = List.of(0, 1, 2, 3, 4, 5);
    List<String> results =
        new ConcurrentWrites(3)
            .map(
                inputs,
                i -> {
                  sleep(60L * (inputs.size() - i));
                  return "table-" + i;
                });
    assertThat(results)
        .containsExactly("table-0", "table-1", "table-2", "table-3", "table-4", "table-5");
  }

  @Test
  void writesRunSideBySide() {
    // Each write waits until both have started: only possible when two run at once.
    CountDownLatch bothStarted = new CountDownLatch(2);
    List<Boolean> met =
        new ConcurrentWrites(2)
            .map(
                List.of("a", "b"),
                name -> {
                  bothStarted.countDown();
                  try {
                    return bothStarted.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                  }
                });
    assertThat(met).containsExactly(true, true);
  }

  @Test
  void oneAtATimeRunsInTheCallersThread() {
    Thread caller = Thread.currentThread();
    List<Boolean> inCaller =
        new ConcurrentWrites(1).map(List.of(1, 2, 3), i -> Thread.currentThread() == caller);
    assertThat(inCaller).containsExactly(true, true, true);
  }

  @Test
  void aFailureSkipsWritesNotStartedWaitsForRunningOnesAndIsRethrownAsThrown() {
    IllegalStateException failure = new IllegalStateException("commit refused");
    AtomicBoolean runningOneFinished = new AtomicBoolean();
    AtomicInteger started = new AtomicInteger();
    CountDownLatch oneStarted = new CountDownLatch(1);
    List<Integer> inputs = IntStream.range(0, 20).boxed().toList();
    assertThatThrownBy(
            () ->
                new ConcurrentWrites(2)
                    .forEach(
                        inputs,
                        i -> {
                          started.incrementAndGet();
                          if (i == 1) {
                            oneStarted.countDown();
                          }
                          if (i == 0) {
                            // Fails once input 1 runs beside it.
                            awaitQuietly(oneStarted);
                            throw failure;
                          }
                          sleep(300);
                          if (i == 1) {
                            runningOneFinished.set(true);
                          }
                        }))
        .isSameAs(failure);
    // Input 1 was running beside the failing input 0: the call returned only after it ended.
    assertThat(runningOneFinished).isTrue();
    // The 20 inputs were not all started: those queued behind the failure were skipped.
    assertThat(started.get()).isLessThan(inputs.size());
  }

  @Test
  void theFirstFailureInInputOrderWins() {
    CountDownLatch secondFailed = new CountDownLatch(1);
    RuntimeException first = new RuntimeException("first input");
    RuntimeException second = new RuntimeException("second input");
    assertThatThrownBy(
            () ->
                new ConcurrentWrites(2)
                    .forEach(
                        List.of(0, 1),
                        i -> {
                          if (i == 1) {
                            secondFailed.countDown();
                            throw second;
                          }
                          // Input 0 fails after input 1 did.
                          awaitQuietly(secondFailed);
                          throw first;
                        }))
        .isSameAs(first);
  }

  @Test
  void parallelismMustBePositive() {
    assertThatThrownBy(() -> new ConcurrentWrites(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
