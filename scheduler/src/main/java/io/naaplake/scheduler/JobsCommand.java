package io.naaplake.scheduler;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.Trigger.TriggerState;

/**
 * {@code ./naap jobs}: the operations CLI of the scheduler.
 *
 * <ul>
 *   <li>{@code list} (the default): each chain's state, next and previous fire time, and its last
 *       recorded run; then any pending manual run or retry;
 *   <li>{@code run NAME}: run a chain now, as a manual run (also when it is paused);
 *   <li>{@code pause NAME}: stop firing it, pending retries included;
 *   <li>{@code resume NAME}: fire it again; the fires missed while paused run first, in order, so
 *       no hour stays unclosed.
 * </ul>
 *
 * It works on the persistent store, from any process: {@link #main} opens a non-executing {@link
 * SchedulerClient}.
 */
public final class JobsCommand {
  static final String USAGE = "usage: ./naap jobs [list | run NAME | pause NAME | resume NAME]";

  /** Exit codes: done; the store failed; the command line was wrong. */
  static final int OK = 0;

  static final int FAILED = 1;
  static final int USAGE_ERROR = 2;

  private final Scheduler scheduler;
  private final RunHistory history;
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;

  public JobsCommand(
      Scheduler scheduler, RunHistory history, Clock clock, PrintStream out, PrintStream err) {
    this.scheduler = requireNonNull(scheduler, "scheduler is null");
    this.history = requireNonNull(history, "history is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.out = requireNonNull(out, "out is null");
    this.err = requireNonNull(err, "err is null");
  }

  public static void main(String[] args) {
    // The CLI prints a table; Quartz's start-up banner would bury it.
    if (System.getProperty("org.slf4j.simpleLogger.log.org.quartz") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.quartz", "warn");
    }
    SchedulerConfig config;
    Scheduler client;
    try {
      config = SchedulerConfig.from(Settings.fromEnvironment());
      client = SchedulerClient.open(config);
    } catch (RuntimeException e) {
      System.err.println(
          "naap: jobs could not open the store ["
              + NaapException.categoryOf(e)
              + "]: "
              + e.getMessage());
      System.exit(FAILED);
      return;
    }
    int exitCode;
    try {
      exitCode =
          new JobsCommand(
                  client,
                  new JsonLinesRunRecorder(config.runLog()),
                  Clock.systemUTC(),
                  System.out,
                  System.err)
              .run(List.of(args));
    } finally {
      try {
        client.shutdown(false);
      } catch (SchedulerException e) {
        System.err.println("closing the store failed: " + e.getMessage());
      }
    }
    System.exit(exitCode);
  }

  /** Runs one command; returns the exit code. */
  public int run(List<String> args) {
    String command = args.isEmpty() ? "list" : args.get(0);
    try {
      if (command.equals("list") && args.size() <= 1) {
        list();
        return OK;
      }
      if (args.size() != 2 || !List.of("run", "pause", "resume").contains(command)) {
        err.println(USAGE);
        return USAGE_ERROR;
      }
      Chain chain = Chain.byId(args.get(1));
      if (!scheduler.checkExists(chain.jobKey())) {
        err.println(
            chain.id() + " is not in the store yet; start ./naap scheduler once to register it");
        return FAILED;
      }
      switch (command) {
        case "run" -> runNow(chain);
        case "pause" -> {
          scheduler.pauseJob(chain.jobKey());
          out.println(chain.id() + ": paused");
        }
        default -> {
          scheduler.resumeJob(chain.jobKey());
          out.println(chain.id() + ": resumed; fires missed while paused run first, in order");
        }
      }
      return OK;
    } catch (NaapException e) {
      err.println(e.getMessage());
      return e.category() == ErrorCategory.BAD_DATA ? USAGE_ERROR : FAILED;
    } catch (SchedulerException e) {
      err.println("the scheduler store failed: " + e.getMessage());
      return FAILED;
    }
  }

  private void runNow(Chain chain) throws SchedulerException {
    Trigger trigger = OneShotTriggers.manual(chain, clock.instant());
    scheduler.scheduleJob(trigger);
    out.println(
        chain.id()
            + ": manual run for "
            + time(trigger.getStartTime())
            + " queued; the scheduler starts it when it is free (./naap jobs shows the result)");
  }

  private void list() throws SchedulerException {
    PlainTable table =
        new PlainTable("CHAIN", "STATE", "NEXT FIRE", "PREVIOUS FIRE", "LAST RUN", "LAST STATUS");
    for (Chain chain : Chain.values()) {
      Trigger trigger = scheduler.getTrigger(chain.triggerKey());
      Optional<RunRecord> last = history.lastRun(chain.id());
      table.row(
          chain.id(),
          state(scheduler.getTriggerState(chain.triggerKey())),
          trigger == null ? "-" : time(trigger.getNextFireTime()),
          trigger == null ? "-" : time(trigger.getPreviousFireTime()),
          last.map(run -> time(run.scheduledTime())).orElse("-"),
          last.map(JobsCommand::status).orElse("-"));
    }
    out.print(table.render());
    for (Chain chain : Chain.values()) {
      if (!scheduler.checkExists(chain.jobKey())) {
        continue;
      }
      scheduler.getTriggersOfJob(chain.jobKey()).stream()
          .filter(OneShotTriggers::isOneShot)
          .sorted(Comparator.comparing(Trigger::getStartTime))
          .forEach(trigger -> out.println(pending(chain, trigger)));
    }
  }

  private String pending(Chain chain, Trigger trigger) {
    JobDataMap data = trigger.getJobDataMap();
    int attempt = OneShotTriggers.attempt(data);
    String what = attempt > 1 ? "retry (attempt " + attempt + ")" : "manual run";
    String paused = "";
    try {
      if (scheduler.getTriggerState(trigger.getKey()) == TriggerState.PAUSED) {
        paused = " (paused)";
      }
    } catch (SchedulerException e) {
      paused = " (state unknown)";
    }
    return chain.id()
        + ": "
        + what
        + " of "
        + OneShotTriggers.scheduledTime(data).map(JobsCommand::time).orElse("-")
        + " due "
        + time(trigger.getNextFireTime())
        + paused;
  }

  /** Quartz's state names, except BLOCKED: a chain that does not fire because it is running. */
  static String state(TriggerState state) {
    return switch (state) {
      case BLOCKED -> "RUNNING";
      case NONE -> "NOT SCHEDULED";
      default -> state.name();
    };
  }

  static String status(RunRecord run) {
    StringBuilder status = new StringBuilder(run.status().label());
    run.errorCategory()
        .ifPresent(c -> status.append(" (").append(c.name().toLowerCase(Locale.ROOT)).append(')'));
    return status
        .append(", ")
        .append(run.kind().label())
        .append(", attempt ")
        .append(run.attempt())
        .append(", ")
        .append(seconds(run.duration()))
        .toString();
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
  }

  private static String time(Date date) {
    return date == null ? "-" : time(date.toInstant());
  }

  private static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
