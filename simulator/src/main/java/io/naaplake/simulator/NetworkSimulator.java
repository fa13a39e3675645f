package io.naaplake.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * A seeded simulation of the Livepeer AI network: it generates the network, runs the workload and
 * streams every Kafka message to a {@link MessageSink} in delivery order and the ground truth to a
 * {@link TruthSink}. Memory stays bounded by the live state (active sessions and jobs, messages
 * held back by transport faults and hourly aggregates), never by the number of events.
 *
 * <p>In compressed time (the default) simulated time starts at {@link SimulationConfig#start()} and
 * runs as fast as the sinks accept messages; the same configuration gives byte-identical messages
 * and truth. In real time ({@link SimulationConfig#realtime()}) simulated time is the wall clock
 * from the moment {@link #run} is called ({@code start} is ignored) and each message is delivered
 * when due, until the duration elapses or {@link #stop()} is called.
 *
 * <pre>{@code
 * SimulationConfig config = SimulationConfig.builder().seed(7).hours(2).concurrentStreams(50)
 *     .streamIdPrefix("it-sim-").build();
 * SimulationSummary summary = new NetworkSimulator(config).run(
 *     (topic, key, value) -> ..., (file, record) -> ...);
 * }</pre>
 */
public final class NetworkSimulator {
  /** Sleeps in real-time mode; replaced in tests. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private static final long MAX_SLEEP_MS = 200;

  private final SimulationConfig config;
  private final LongSupplier wallClock;
  private final Sleeper sleeper;
  private volatile boolean stopRequested;

  public NetworkSimulator(SimulationConfig config) {
    this(config, System::currentTimeMillis, Thread::sleep);
  }

  NetworkSimulator(SimulationConfig config, LongSupplier wallClock, Sleeper sleeper) {
    this.config = requireNonNull(config, "config is null");
    this.wallClock = requireNonNull(wallClock, "wallClock is null");
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
  }

  public SimulationConfig config() {
    return config;
  }

  /**
   * Asks a running simulation to end at the current simulated time (e.g. on Ctrl-C); {@link #run}
   * then delivers the held-back messages, writes the truth and returns. Safe from any thread.
   */
  public void stop() {
    stopRequested = true;
  }

  public SimulationSummary run(MessageSink messages, TruthSink truth) {
    return run(messages, truth, SimulationProgress.Listener.none());
  }

  /** Runs the whole simulation on the calling thread; sinks are called on this thread. */
  public SimulationSummary run(
      MessageSink messages, TruthSink truth, SimulationProgress.Listener listener) {
    requireNonNull(messages, "messages is null");
    requireNonNull(truth, "truth is null");
    requireNonNull(listener, "listener is null");
    long start = config.realtime() ? wallClock.getAsLong() : config.start().toEpochMilli();
    long end = start + config.duration().toMillis();

    SplittableRandom master = new SplittableRandom(config.seed());
    SplittableRandom networkRandom = master.split();
    SplittableRandom workloadRandom = master.split();
    SplittableRandom jobRandom = master.split();
    SplittableRandom faultRandom = master.split();
    SplittableRandom noiseRandom = master.split();
    SplittableRandom churnRandom = master.split();
    SplittableRandom capabilityRandom = master.split();

    Network network = Network.generate(config, networkRandom, start);
    TruthLedger ledger = new TruthLedger(truth);
    Transport transport =
        new Transport(
            config.transportFaults(),
            faultRandom,
            noiseRandom,
            messages,
            truth,
            config.malformedKeyPrefix());
    Simulation sim = new Simulation(config, network, transport, ledger, start, end);
    ledger.orchestrators(network);

    List<Host> hosts = network.allHosts();
    for (Gateway gateway : network.gateways) {
      CapabilityPoll poll =
          new CapabilityPoll(
              gateway, hosts, capabilityRandom.split(), start + capabilityRandom.nextInt(30_000));
      sim.scheduler.schedule(poll, poll.nextTime());
    }
    for (Host host : hosts) {
      double churn = host.orchestrator.rates.uuidChurnPerHour();
      if (host.rented && churn > 0 && !host.gpus.isEmpty()) {
        UuidChurn action = new UuidChurn(host, churnRandom.split(), churn);
        sim.scheduler.schedule(action, action.nextAfter(start));
      }
    }
    new SessionArrivals(sim, workloadRandom).start(sim);
    new JobArrivals(sim, JobProcess.Kind.AI_BATCH, config.aiBatchJobsPerMinute(), jobRandom.split())
        .start(sim);
    new JobArrivals(sim, JobProcess.Kind.LLM, config.llmJobsPerMinute(), jobRandom.split())
        .start(sim);
    new JobArrivals(sim, JobProcess.Kind.BYOC, config.byocJobsPerMinute(), jobRandom.split())
        .start(sim);
    sim.scheduler.schedule(new ProgressTick(listener), start);

    boolean stopped = loop(sim, transport, end);
    long reached = stopped ? Math.min(sim.now, end) : end;

    transport.flushAll();
    for (LiveSession session : new ArrayList<>(sim.activeSessions.values())) {
      session.finish(sim, true);
    }
    for (JobProcess job : new ArrayList<>(sim.activeJobs.values())) {
      job.finish(sim, true);
    }
    ledger.finish(sim);
    SimulationSummary summary =
        new SimulationSummary(
            Instant.ofEpochMilli(start),
            Instant.ofEpochMilli(reached),
            network.orchestrators.size(),
            hosts.size(),
            network.liveSlots,
            transport.eventsGenerated,
            transport.delivered,
            transport.dropped,
            transport.duplicated,
            transport.reordered,
            transport.late,
            transport.malformed,
            transport.noise,
            sim.sessionsStarted,
            sim.jobsStarted,
            transport.byFamily,
            transport.byTopic);
    listener.progress(
        new SimulationProgress(
            reached,
            stopped ? (reached - start) / (double) (end - start) : 1.0,
            transport.delivered,
            0));
    if (truth.wants(TruthFile.RUN)) {
      truth.accept(TruthFile.RUN, runRecord(network, summary, stopped));
    }
    return summary;
  }

  /** Runs actions and held messages in time order; true when stopped early. */
  private boolean loop(Simulation sim, Transport transport, long end) {
    while (true) {
      if (stopRequested) {
        return true;
      }
      long nextAction = sim.scheduler.nextTime();
      long nextHeld = transport.nextDue();
      long next = Math.min(nextAction, nextHeld);
      if (next >= end) {
        return false;
      }
      if (config.realtime() && !waitUntil(next)) {
        return true;
      }
      sim.now = next;
      if (nextHeld <= nextAction) {
        transport.releaseDue(next);
        continue;
      }
      Action action = sim.scheduler.poll();
      action.run(sim);
    }
  }

  private boolean waitUntil(long target) {
    while (true) {
      if (stopRequested) {
        return false;
      }
      long wall = wallClock.getAsLong();
      if (wall >= target) {
        return true;
      }
      try {
        sleeper.sleep(Math.min(target - wall, MAX_SLEEP_MS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private ObjectNode runRecord(Network network, SimulationSummary summary, boolean stopped) {
    ObjectNode r = TruthLedger.NODES.objectNode();
    r.put("seed", config.seed());
    r.put("start", summary.start().toString());
    r.put("end", summary.end().toString());
    r.put("realtime", config.realtime());
    r.put("stopped_early", stopped);
    r.put("duration", config.duration().toString());
    r.put("orchestrators", network.orchestrators.size());
    r.put("hosts", network.allHosts().size());
    r.put("live_slots", network.liveSlots);
    r.put("concurrent_streams", config.concurrentStreams());
    r.put("stream_id_prefix", config.streamIdPrefix());
    r.put("malformed_key_prefix", config.malformedKeyPrefix());
    ObjectNode topics = r.putObject("org_topics");
    config.orgTopics().forEach(topics::put);
    ObjectNode gateways = r.putObject("gateways");
    for (Gateway gateway : network.gateways) {
      gateways.put(gateway.address, gateway.org);
    }
    Cadences c = config.cadences();
    ObjectNode cadences = r.putObject("cadences");
    cadences.put("status_interval_ms", c.statusInterval().toMillis());
    cadences.put("ingest_metrics_interval_ms", c.ingestMetricsInterval().toMillis());
    cadences.put("initial_payments", c.initialPayments());
    cadences.put("initial_payment_interval_ms", c.initialPaymentInterval().toMillis());
    cadences.put("payment_interval_ms", c.paymentInterval().toMillis());
    cadences.put("capability_interval_ms", c.capabilityInterval().toMillis());
    cadences.put("params_update_mean_ms", c.paramsUpdateMean().toMillis());
    r.set("failure_rates", TruthLedger.rates(config.failureRates()));
    TransportFaults f = config.transportFaults();
    ObjectNode faults = r.putObject("transport_faults");
    faults.put("duplicate_rate", f.duplicateRate());
    faults.put("drop_rate", f.dropRate());
    faults.put("reorder_rate", f.reorderRate());
    faults.put("late_rate", f.lateRate());
    faults.put("late_min_ms", f.lateMin().toMillis());
    faults.put("late_max_ms", f.lateMax().toMillis());
    faults.put("malformed_rate", f.malformedRate());
    faults.put("unknown_family_rate", f.unknownFamilyRate());
    faults.put("ignored_trace_rate", f.ignoredTraceRate());
    r.put("events_generated", summary.eventsGenerated());
    r.put("messages_delivered", summary.messagesDelivered());
    r.put("dropped", summary.dropped());
    r.put("duplicated", summary.duplicated());
    r.put("reordered", summary.reordered());
    r.put("late", summary.late());
    r.put("malformed", summary.malformed());
    r.put("noise", summary.noise());
    r.put("sessions", summary.sessions());
    r.put("jobs", summary.jobs());
    r.set("messages_by_family", TruthLedger.counts(summary.messagesByFamily()));
    r.set("messages_by_topic", TruthLedger.counts(summary.messagesByTopic()));
    return r;
  }
}
