package io.naaplake.simulator;

import java.util.PriorityQueue;

/** The queue of pending actions, ordered by (time, sequence). */
final class Scheduler {
  private final PriorityQueue<Action> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.time != b.time
                  ? Long.compare(a.time, b.time)
                  : Long.compare(a.sequence, b.sequence));
  private long nextSequence;

  void schedule(Action action, long time) {
    action.time = time;
    action.sequence = nextSequence++;
    queue.add(action);
  }

  long nextTime() {
    Action next = queue.peek();
    return next == null ? Long.MAX_VALUE : next.time;
  }

  Action poll() {
    return queue.poll();
  }

  int size() {
    return queue.size();
  }
}
