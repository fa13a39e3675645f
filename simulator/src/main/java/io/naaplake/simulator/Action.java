package io.naaplake.simulator;

/**
 * Something that happens at a simulated instant. Actions run in (time, sequence) order, the
 * sequence being the order they were scheduled in, so equal times never depend on hashing or
 * threads. A long-lived process (a session, a gateway's capability poll) is one action that
 * reschedules itself.
 */
abstract class Action {
  long time;
  long sequence;

  /** Runs at {@link #time}; may schedule itself or others at the same or later times. */
  abstract void run(Simulation simulation);
}
