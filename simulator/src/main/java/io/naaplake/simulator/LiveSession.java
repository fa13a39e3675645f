package io.naaplake.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One live-video-to-video session, from the gateway receiving the stream request to the stream
 * closing, with the real cadence and field shapes (see livepeer-event-producers.md and the real
 * sample). One action that reschedules itself at its earliest pending timer.
 *
 * <p>Timeline of a healthy session (offsets from the request, as in the sample): selection +0.26 s
 * (discovery_results, first payment), first ingest +2.3 s, runner first processed +E2E (per GPU),
 * gateway first processed +0.15-0.35 s, few processed +3.5-4.5 s; status every 10 s from the
 * runner's start_time, ingest metrics every 5 s from +5.3 s, payments at +6 s, +12 s then about
 * every 50 s, params updates now and then, close at the drawn duration.
 */
final class LiveSession extends Action {
  enum Mode {
    NONE,
    NO_ORCHESTRATOR,
    SWAP,
    LOADING_ONLY,
    ZERO_OUTPUT_FPS,
    STARTUP_ERROR_EXCUSABLE,
    STARTUP_ERROR_UNEXCUSED
  }

  private enum Step {
    SELECT,
    RESELECT,
    FIRST_INGEST,
    RUNNER_PROCESSED,
    FIRST_PROCESSED,
    FEW_PROCESSED,
    STARTUP_ERROR,
    NO_ORCH_ERROR,
    DONE
  }

  static final long NEVER = Long.MAX_VALUE;
  static final long UNSET = Long.MIN_VALUE;

  // Milestone indexes (first timestamp per subtype).
  private static final int REQUEST = 0;
  private static final int FIRST_INGEST = 1;
  private static final int RUNNER_PROCESSED = 2;
  private static final int FIRST_PROCESSED = 3;
  private static final int FEW_PROCESSED = 4;

  final long number;
  final Gateway gateway;
  final SplittableRandom random;
  final String streamId;
  final String requestId;
  final Catalog.LiveModel liveModel;
  final long requestedAt;
  final long plannedEnd;
  private final double inputFpsBase;
  private final int videoBytesPerSecond;
  private final Transport.NoiseContext noise;
  private final String manifestId;
  private final int frameSize;

  Mode mode = Mode.NONE;
  private boolean modeDecided;
  private boolean forcedNoOrchestrator;

  private Step step = Step.SELECT;
  private long stepAt;
  private long swapAt = NEVER;
  private long closeAt = NEVER;
  private long paymentAt = NEVER;
  private long ingestAt = NEVER;
  private long statusAt = NEVER;
  private long paramsAt = NEVER;
  private long restartAt = NEVER;
  private long errorAt = NEVER;
  private long startupErrorAt = NEVER;

  Segment segment;
  final List<Segment> segments = new ArrayList<>();
  private final List<Host> triedHosts = new ArrayList<>();
  private long runnerStart = UNSET;
  private long loadedAt;
  private boolean segmentProcessing;
  private int paymentIndex;
  private long paymentStart;
  private String paymentSessionId;
  private long statusIndex;
  private String state;
  private long lastStateUpdate;
  private long lastStatusTs;
  private long lastOutputTime = UNSET;
  private long lastInputTime = UNSET;
  private StreamParams params;
  private long paramsUpdatedAt;
  private int restartCount;
  private long lastRestartTime = UNSET;
  private List<String> pendingRestartLogs;
  private String lastError;
  private long lastErrorTime = UNSET;
  private boolean startupErrored;
  boolean playable;
  int swaps;
  long endedAt = UNSET;
  private boolean finished;
  private boolean started;

  private long ingestStart;
  private long bytesReceived;
  private long bytesSent;
  private long videoPackets;
  private long audioPackets;

  // Truth: first timestamps per milestone, over all emitted and over delivered events.
  private final long[] realMilestone = {UNSET, UNSET, UNSET, UNSET, UNSET};
  private final long[] deliveredMilestone = {UNSET, UNSET, UNSET, UNSET, UNSET};
  private boolean noOrchTraceDelivered;
  private boolean selectionSeenDelivered;
  private boolean closeDelivered;
  private int swapsDelivered;
  private int errorsReal;
  private int excusableErrorsReal;
  private int errorsDelivered;
  private int excusableErrorsDelivered;
  private int restartEventsReal;
  private int restartEventsDelivered;
  private final StatusTally statusReal = new StatusTally();
  private final StatusTally statusDelivered = new StatusTally();
  private long firstStatusStartTimeDelivered = UNSET;
  private long firstStatusStartTimeReal = UNSET;
  private int ingestReal;
  private int ingestDelivered;
  private int paymentsReal;
  private int paymentsDelivered;
  private int paramsReal;
  private int paramsDelivered;
  private int eventsReal;
  private int eventsDelivered;
  private TruthLedger.SlaRow lastStatusRow;

  /** Status samples as the reference's session flags read them. */
  private static final class StatusTally {
    int samples;
    int running;
    int online;
    int positiveFps;

    void add(String state, double outputFps) {
      samples++;
      if (state.equals("ONLINE") || state.startsWith("DEGRADED_")) {
        running++;
      }
      if (state.equals("ONLINE")) {
        online++;
      }
      if (outputFps > 0) {
        positiveFps++;
      }
    }

    boolean loadingOnly() {
      return samples > 0 && running == 0 && online == 0;
    }

    boolean zeroOutputFps() {
      return samples > 0 && positiveFps == 0;
    }
  }

  LiveSession(
      Simulation simulation,
      long number,
      Gateway gateway,
      SplittableRandom random,
      Catalog.LiveModel liveModel,
      long requestedAt) {
    this.number = number;
    this.gateway = gateway;
    this.random = random;
    this.liveModel = liveModel;
    this.requestedAt = requestedAt;
    this.streamId =
        simulation.config.streamIdPrefix()
            + Ids.base36(random, 6)
            + "-"
            + simulation.streamSuffix(number, random);
    this.requestId = simulation.nextRequestId();
    double median = simulation.config.sessionMedianDuration().toMillis();
    long duration = Math.round(median * Math.exp(0.9 * random.nextGaussian()));
    this.plannedEnd = requestedAt + Math.max(20_000, Math.min(6 * Simulation.HOUR, duration));
    this.inputFpsBase =
        random.nextDouble() < 0.6 ? 17 + 3 * random.nextDouble() : 24 + 6 * random.nextDouble();
    this.videoBytesPerSecond = 120_000 + random.nextInt(160_000);
    this.noise = new Transport.NoiseContext(streamId, requestId);
    this.manifestId = Ids.hex(random, 8);
    this.frameSize = random.nextInt(5) == 0 ? 704 : 512;
  }

  String model() {
    return liveModel.id();
  }

  // --- scheduling --------------------------------------------------------------------------------

  /** Called once: the stream request arrives now. */
  void start(Simulation sim) {
    long t = requestedAt;
    trace(sim, "gateway_receive_stream_request", t, t, null, null, null);
    forcedNoOrchestrator = random.nextDouble() < sim.config.failureRates().noOrchestrator();
    closeAt = plannedEnd;
    ingestStart = t + 300 + random.nextInt(200);
    ingestAt =
        t + sim.config.cadences().ingestMetricsInterval().toMillis() + 250 + random.nextInt(150);
    step = Step.SELECT;
    stepAt = t + 180 + random.nextInt(220);
    reschedule(sim);
  }

  private void reschedule(Simulation sim) {
    if (finished) {
      return;
    }
    long next = stepAt;
    if (step == Step.DONE) {
      next = NEVER;
    }
    next = Math.min(next, swapAt);
    next = Math.min(next, closeAt);
    next = Math.min(next, paymentAt);
    next = Math.min(next, ingestAt);
    next = Math.min(next, statusAt);
    next = Math.min(next, paramsAt);
    next = Math.min(next, restartAt);
    next = Math.min(next, errorAt);
    sim.scheduler.schedule(this, Math.max(next, sim.now));
  }

  @Override
  void run(Simulation sim) {
    long t = time;
    if (!started) {
      started = true;
      sim.activeSessions.put(number, this);
      sim.sessionsStarted++;
      start(sim);
      return;
    }
    if (step != Step.DONE && stepAt <= t) {
      doStep(sim, t);
    } else if (swapAt <= t) {
      swapAt = NEVER;
      swap(sim, t);
    } else if (closeAt <= t) {
      close(sim, t);
      return;
    } else if (paymentAt <= t) {
      payment(sim, t);
    } else if (ingestAt <= t) {
      ingestMetrics(sim, t);
      ingestAt =
          t
              + sim.config.cadences().ingestMetricsInterval().toMillis()
              + (random.nextInt(8) == 0 ? 1 : 0);
    } else if (statusAt <= t) {
      status(sim, t);
      statusIndex++;
      statusAt =
          runnerStart
              + statusIndex * sim.config.cadences().statusInterval().toMillis()
              + random.nextInt(20);
    } else if (paramsAt <= t) {
      paramsUpdate(sim, t);
      paramsAt = t + exponential(sim.config.cadences().paramsUpdateMean().toMillis());
    } else if (restartAt <= t) {
      restartAt = NEVER;
      if (segment != null) {
        restart(sim, t);
        restartAt = after(t, segment.orchestrator().rates.restartsPerHour());
      }
    } else if (errorAt <= t) {
      errorAt = NEVER;
      if (segment != null) {
        midstreamError(sim, t);
        errorAt = after(t, segment.orchestrator().rates.errorsPerHour());
      }
    }
    reschedule(sim);
  }

  private long exponential(double meanMillis) {
    return Math.max(1, Math.round(random.nextExponential() * meanMillis));
  }

  /** The next time of a Poisson process with {@code ratePerHour} after {@code t}, or never. */
  private long after(long t, double ratePerHour) {
    if (ratePerHour <= 0) {
      return NEVER;
    }
    return t + exponential(Simulation.HOUR / ratePerHour);
  }

  private void doStep(Simulation sim, long t) {
    Step current = step;
    step = Step.DONE;
    switch (current) {
      case SELECT -> select(sim, t, false);
      case RESELECT -> select(sim, t, true);
      case FIRST_INGEST -> firstIngest(sim, t);
      case RUNNER_PROCESSED -> {
        trace(sim, "runner_send_first_processed_segment", t, t, segment, null, null);
        step = Step.FIRST_PROCESSED;
        stepAt = t + 150 + random.nextInt(200);
      }
      case FIRST_PROCESSED -> {
        trace(sim, "gateway_receive_first_processed_segment", t, t, segment, null, null);
        segmentProcessing = true;
        lastOutputTime = t;
        step = Step.FEW_PROCESSED;
        stepAt = t + 3_500 + random.nextInt(1_000);
      }
      case FEW_PROCESSED -> {
        if (!playable) {
          trace(sim, "gateway_receive_few_processed_segments", t, t, segment, null, null);
          playable = true;
        }
        if (mode != Mode.ZERO_OUTPUT_FPS) {
          restartAt = after(t, segment.orchestrator().rates.restartsPerHour());
          errorAt = after(t, segment.orchestrator().rates.errorsPerHour());
        }
      }
      case STARTUP_ERROR -> {
        boolean excusable = mode == Mode.STARTUP_ERROR_EXCUSABLE;
        String message =
            Catalog.pick(random, excusable ? Catalog.EXCUSABLE_ERRORS : Catalog.UNEXCUSED_ERRORS);
        errorEvent(sim, t, message, !excusable);
        startupErrored = true;
        closeAt = Math.min(closeAt, t + 500 + random.nextInt(7_500));
      }
      case NO_ORCH_ERROR -> errorEvent(sim, t, Catalog.NO_ORCHESTRATORS_MESSAGE, false);
      case DONE -> {}
    }
  }

  // --- selection ---------------------------------------------------------------------------------

  private void select(Simulation sim, long t, boolean reselect) {
    List<Host> free = new ArrayList<>();
    if (reselect || !forcedNoOrchestrator) {
      for (Host host : sim.network.liveHosts.getOrDefault(model(), List.of())) {
        if (!triedHosts.contains(host) && host.freeGpu() != null) {
          free.add(host);
        }
      }
    }
    if (free.isEmpty()) {
      if (reselect) {
        closeAt = Math.min(closeAt, t + 500 + random.nextInt(2_500));
        return;
      }
      mode = Mode.NO_ORCHESTRATOR;
      modeDecided = true;
      trace(sim, "gateway_no_orchestrators_available", t, t, null, null, null);
      if (random.nextDouble() < 0.7) {
        step = Step.NO_ORCH_ERROR;
        stepAt = t + 5 + random.nextInt(60);
      }
      closeAt = Math.min(closeAt, t + 1_000 + random.nextInt(9_000));
      return;
    }
    int wanted = 1 + Catalog.weighted(random, new double[] {60, 25, 10, 5});
    int count = Math.min(wanted, free.size());
    for (int i = 0; i < count; i++) { // the first steps of a Fisher-Yates shuffle
      int j = i + random.nextInt(free.size() - i);
      Host swap = free.get(i);
      free.set(i, free.get(j));
      free.set(j, swap);
    }
    discovery(sim, t, free.subList(0, count));
    Host host = free.get(0);
    PhysicalGpu gpu = host.freeGpu();
    gpu.activeStreams++;
    gpu.sessionsServed++;
    host.activeStreams++;
    segment = new Segment(host, gpu, gateway.orgIndex, t);
    segments.add(segment);
    triedHosts.add(host);

    paymentIndex = 0;
    paymentSessionId = Ids.hex(random, 8);
    paymentAt = t + 1 + random.nextInt(3);
    runnerStart = t + 30 + random.nextInt(40);
    loadedAt = runnerStart + 5_000 + random.nextInt(4_000);
    segmentProcessing = false;
    state = "LOADING";
    lastStateUpdate = runnerStart;
    lastStatusTs = runnerStart;
    lastOutputTime = UNSET;
    statusIndex = 1;
    statusAt = runnerStart + sim.config.cadences().statusInterval().toMillis() + random.nextInt(20);
    if (params == null) {
      params = StreamParams.initial(frameSize);
    }
    paramsUpdatedAt = runnerStart;
    restartCount = 0;
    lastRestartTime = UNSET;
    lastError = null;
    lastErrorTime = UNSET;
    if (paramsAt == NEVER) {
      paramsAt = t + exponential(sim.config.cadences().paramsUpdateMean().toMillis());
    }

    if (!modeDecided) {
      modeDecided = true;
      FailureRates rates = host.orchestrator.rates;
      double roll = random.nextDouble();
      if ((roll -= rates.swap()) < 0) {
        mode = Mode.SWAP;
      } else if ((roll -= rates.loadingOnly()) < 0) {
        mode = Mode.LOADING_ONLY;
      } else if ((roll -= rates.zeroOutputFps()) < 0) {
        mode = Mode.ZERO_OUTPUT_FPS;
      } else if ((roll -= rates.excusableError()) < 0) {
        mode = Mode.STARTUP_ERROR_EXCUSABLE;
      } else if ((roll -= rates.unexcusedError()) < 0) {
        mode = Mode.STARTUP_ERROR_UNEXCUSED;
      }
      switch (mode) {
        case SWAP -> {
          long left = plannedEnd - t;
          swapAt =
              random.nextBoolean() || left < 45_000
                  ? t + 3_000 + random.nextInt(9_000)
                  : t + 30_000 + (long) (random.nextDouble() * (left - 40_000));
        }
        case LOADING_ONLY ->
            closeAt = Math.min(closeAt, runnerStart + 15_000 + random.nextInt(225_000));
        case ZERO_OUTPUT_FPS -> closeAt = Math.min(closeAt, t + 30_000 + random.nextInt(270_000));
        case STARTUP_ERROR_EXCUSABLE, STARTUP_ERROR_UNEXCUSED ->
            startupErrorAt = t + 2_500 + random.nextInt(6_500);
        default -> {}
      }
    }
    step = Step.FIRST_INGEST;
    stepAt = t + 1_500 + random.nextInt(1_000);
  }

  private void firstIngest(Simulation sim, long t) {
    trace(sim, "gateway_send_first_ingest_segment", t, t, segment, null, null);
    trace(
        sim,
        "runner_receive_first_ingest_segment",
        t,
        t + 1 + random.nextInt(3),
        segment,
        null,
        null);
    boolean firstSegment = segments.size() == 1;
    if (mode == Mode.LOADING_ONLY && firstSegment) {
      return;
    }
    if ((mode == Mode.STARTUP_ERROR_EXCUSABLE || mode == Mode.STARTUP_ERROR_UNEXCUSED)
        && firstSegment) {
      step = Step.STARTUP_ERROR;
      stepAt = Math.max(startupErrorAt, t + 50);
      return;
    }
    double e2e = segment.host.gpuModel.runnerLatencyMs() * Math.exp(0.2 * random.nextGaussian());
    step = Step.RUNNER_PROCESSED;
    stepAt = t + Math.max(20, Math.round(e2e));
  }

  private void swap(Simulation sim, long t) {
    if (segment == null) {
      return;
    }
    String reason = Catalog.pick(random, Catalog.SWAP_REASONS);
    trace(sim, "orchestrator_swap", t, t, segment, model(), reason);
    swaps++;
    endSegment(t, reason);
    statusAt = NEVER;
    paymentAt = NEVER;
    restartAt = NEVER;
    errorAt = NEVER;
    segmentProcessing = false;
    step = Step.RESELECT;
    stepAt = t + 100 + random.nextInt(200);
  }

  private void endSegment(long t, String reason) {
    if (segment == null) {
      return;
    }
    segment.to = t;
    segment.leaveReason = reason;
    segment.gpu.activeStreams--;
    segment.host.activeStreams--;
    segment = null;
  }

  private void close(Simulation sim, long t) {
    trace(sim, "gateway_ingest_stream_closed", t, t, segment, null, null);
    endSegment(t, "closed");
    endedAt = t;
    finish(sim, false);
  }

  /** Ends the session's truth; {@code ongoing} when the run ends before the stream does. */
  void finish(Simulation sim, boolean ongoing) {
    if (finished) {
      return;
    }
    finished = true;
    sim.activeSessions.remove(number);
    sim.ledger.session(truthRecord(sim, ongoing));
  }

  // --- events ------------------------------------------------------------------------------------

  private boolean send(
      Simulation sim, String type, String subtype, long eventTime, boolean carriesOrchestrator) {
    byte[] value = sim.writer.finish();
    boolean delivered = sim.emit(gateway, currentId, type, subtype, eventTime, value, noise) > 0;
    eventsReal++;
    if (delivered) {
      eventsDelivered++;
      if (carriesOrchestrator) {
        selectionSeenDelivered = true;
        if (segment != null) {
          segment.signalsDelivered++;
        }
      }
    }
    return delivered;
  }

  private String currentId;

  private JsonGenerator begin(Simulation sim, String type, long envelopeTs) {
    currentId = Ids.uuid4(random);
    long clamped = Math.max(envelopeTs, Simulation.hourStart(sim.now));
    return sim.writer.begin(currentId, type, clamped, gateway.envelopeGateway);
  }

  private static void orchestratorInfo(JsonGenerator g, Segment segment) throws IOException {
    if (segment == null) {
      EnvelopeWriter.orchestratorInfo(g, "", "");
    } else {
      EnvelopeWriter.orchestratorInfo(g, segment.orchestrator().liveAddress(), segment.host.uri);
    }
  }

  private void trace(
      Simulation sim,
      String subtype,
      long envelopeTs,
      long dataTs,
      Segment orch,
      String pipeline,
      String message) {
    try {
      JsonGenerator g = begin(sim, "stream_trace", envelopeTs);
      g.writeStartObject();
      if (message != null) {
        g.writeStringField("message", message);
      }
      orchestratorInfo(g, orch);
      if (pipeline != null) {
        g.writeStringField("pipeline", pipeline);
      }
      g.writeStringField("pipeline_id", "");
      g.writeStringField("request_id", requestId);
      g.writeStringField("stream_id", streamId);
      g.writeNumberField("timestamp", dataTs);
      g.writeStringField("type", subtype);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean delivered = send(sim, "stream_trace", subtype, dataTs, orch != null);
    int milestone =
        switch (subtype) {
          case "gateway_receive_stream_request" -> REQUEST;
          case "gateway_send_first_ingest_segment" -> FIRST_INGEST;
          case "runner_send_first_processed_segment" -> RUNNER_PROCESSED;
          case "gateway_receive_first_processed_segment" -> FIRST_PROCESSED;
          case "gateway_receive_few_processed_segments" -> FEW_PROCESSED;
          default -> -1;
        };
    if (milestone >= 0) {
      if (realMilestone[milestone] == UNSET) {
        realMilestone[milestone] = dataTs;
      }
      if (delivered && deliveredMilestone[milestone] == UNSET) {
        deliveredMilestone[milestone] = dataTs;
      }
    }
    if (delivered) {
      switch (subtype) {
        case "gateway_no_orchestrators_available" -> noOrchTraceDelivered = true;
        case "orchestrator_swap" -> swapsDelivered++;
        case "gateway_ingest_stream_closed" -> closeDelivered = true;
        default -> {}
      }
    }
  }

  private void discovery(Simulation sim, long t, List<Host> candidates) {
    try {
      JsonGenerator g = begin(sim, "discovery_results", t);
      g.writeStartArray();
      int latency = 15 + random.nextInt(110);
      for (Host host : candidates) {
        g.writeStartObject();
        g.writeStringField("address", host.orchestrator.liveAddress());
        g.writeStringField("latency_ms", Integer.toString(latency));
        g.writeStringField("url", host.uri);
        g.writeEndObject();
        latency += 1 + random.nextInt(90);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    send(sim, "discovery_results", null, t, false);
  }

  private void payment(Simulation sim, long t) {
    Orchestrator orchestrator = segment.orchestrator();
    boolean first = paymentIndex == 0;
    BigInteger tenPow10 = BigInteger.TEN.pow(10);
    BigInteger face = orchestrator.faceValueWei;
    long winUnits = orchestrator.winProbUnits;
    int tickets = random.nextDouble() < 0.85 ? 1 : 2;
    if (first) {
      face = face.add(face.divide(BigInteger.valueOf(1_000)).divide(tenPow10).multiply(tenPow10));
      winUnits = winUnits * 999 / 1_000;
      tickets = 2;
    }
    try {
      JsonGenerator g = begin(sim, "create_new_payment", t);
      g.writeStartObject();
      g.writeStringField("capability", "");
      g.writeStringField("clientIP", "");
      g.writeStringField("faceValue", face + " WEI");
      g.writeStringField(
          "manifestID", first ? Catalog.LIVE_CAPABILITY + "_" + model() : manifestId);
      g.writeStringField("numTickets", Integer.toString(tickets));
      g.writeStringField("orchestrator", segment.host.uri);
      g.writeStringField("price", segment.host.paymentPrice);
      g.writeStringField("recipient", orchestrator.address);
      g.writeStringField("requestID", first ? requestId : "");
      g.writeStringField("sender", gateway.address);
      g.writeStringField("sessionID", paymentSessionId);
      g.writeStringField("winProb", winProb(winUnits));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean delivered = send(sim, "create_new_payment", null, t, false);
    paymentsReal++;
    if (delivered) {
      paymentsDelivered++;
    }
    sim.ledger.payment(
        t, gateway.org, orchestrator.address, face, winUnits, tickets, first, delivered);
    if (first) {
      paymentStart = t;
    }
    paymentIndex++;
    Cadences cadences = sim.config.cadences();
    if (paymentIndex <= cadences.initialPayments()) {
      paymentAt =
          paymentStart
              + cadences.initialPaymentInterval().toMillis() * paymentIndex
              + random.nextInt(60);
    } else {
      paymentAt =
          t
              + Math.round(
                  cadences.paymentInterval().toMillis() * (0.92 + 0.16 * random.nextDouble()));
    }
  }

  /** {@code 0.0009990010}: ten decimals, as the producer prints winProb. */
  static String winProb(long units) {
    return java.math.BigDecimal.valueOf(units, 10).toPlainString();
  }

  private void ingestMetrics(Simulation sim, long t) {
    long seconds5 = 5;
    bytesReceived += videoBytesPerSecond * seconds5 + random.nextInt(40_000);
    bytesSent += 700 * seconds5 + random.nextInt(200);
    videoPackets += (long) (160 + random.nextInt(30)) * seconds5;
    audioPackets += 250;
    double elapsed = Math.max(0, t - ingestStart) / 1_000.0;
    boolean bad = random.nextInt(100) < 3;
    try {
      JsonGenerator g = begin(sim, "stream_ingest_metrics", t);
      g.writeStartObject();
      g.writeStringField("pipeline_id", "");
      g.writeStringField("request_id", requestId);
      g.writeObjectFieldStart("stats");
      g.writeObjectFieldStart("peer_conn_stats");
      g.writeStringField("ID", "iceTransport");
      g.writeNumberField("BytesReceived", bytesReceived);
      g.writeNumberField("BytesSent", bytesSent);
      g.writeEndObject();
      g.writeArrayFieldStart("track_stats");
      double videoTs = Math.round((elapsed - 0.4 * random.nextDouble()) * 1_000) / 1_000.0;
      track(
          g,
          "video",
          bad ? 55 + 30 * random.nextDouble() : 2 + 8 * random.nextDouble(),
          videoPackets,
          Math.max(0, videoTs),
          bad);
      double audioTs = Math.round((Math.floor(elapsed / 0.02) * 0.02 + 0.0001) * 10_000) / 10_000.0;
      track(g, "audio", 19.85 + 0.1 * random.nextDouble(), audioPackets, audioTs, false);
      g.writeEndArray();
      g.writeStringField("conn_quality", bad ? "bad" : "good");
      g.writeEndObject();
      g.writeStringField("stream_id", streamId);
      g.writeNumberField("timestamp", t);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean delivered = send(sim, "stream_ingest_metrics", null, t, false);
    ingestReal++;
    if (delivered) {
      ingestDelivered++;
    }
  }

  private static void track(
      JsonGenerator g, String type, double jitter, long packets, double lastInputTs, boolean bad)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", type);
    g.writeNumberField("jitter", jitter);
    g.writeNumberField("packets_lost", 0);
    g.writeNumberField("packets_received", packets);
    g.writeNumberField("packet_loss_pct", 0);
    g.writeNumberField("rtt", 0);
    g.writeNumberField("last_input_ts", lastInputTs);
    g.writeNumberField("last_output_ts", 0);
    g.writeNumberField("latency", 0);
    if (bad) {
      g.writeArrayFieldStart("warnings");
      g.writeString("jitter above 50ms");
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private double inputFps() {
    double fps = inputFpsBase * (1 + 0.015 * random.nextGaussian());
    if (random.nextInt(50) == 0) {
      fps = inputFpsBase * (0.5 + 0.35 * random.nextDouble());
    }
    return fps;
  }

  private void status(Simulation sim, long t) {
    if (segment == null) {
      return;
    }
    double input;
    double output;
    String newState;
    boolean recentRestart = lastRestartTime != UNSET && t - lastRestartTime < 60_000;
    boolean recentError = lastErrorTime != UNSET && t - lastErrorTime < 15_000;
    if (mode == Mode.LOADING_ONLY && segments.size() == 1) {
      input = inputFps();
      output = 0;
      newState = t - runnerStart < 180_000 ? "LOADING" : "ERROR";
    } else if (startupErrored) {
      boolean unexcused = mode == Mode.STARTUP_ERROR_UNEXCUSED;
      input = unexcused ? inputFps() : 0.0;
      output = 0;
      newState = unexcused ? "ERROR" : "DEGRADED_INPUT";
    } else if (!segmentProcessing || t < loadedAt) {
      input = inputFps();
      output = 0;
      newState = "LOADING";
    } else if (mode == Mode.ZERO_OUTPUT_FPS) {
      input = inputFps();
      output = 0;
      newState = "DEGRADED_INFERENCE";
    } else {
      input = inputFps();
      double cap = 17.2 * segment.host.gpuModel.speed() * liveModel.speed();
      output = Math.min(input * 0.985, cap) * (1 + 0.025 * random.nextGaussian());
      if (random.nextInt(50) == 0) {
        output *= 0.5 + 0.25 * random.nextDouble();
      }
      output *= sim.degradedFactor(segment.orchestrator(), t);
      if (recentRestart) {
        output *= 0.5;
      }
      output = Math.max(0.5, output);
      if (input < 15) {
        newState = "DEGRADED_INPUT";
      } else if (output < Math.min(10, 0.8 * input) || recentRestart || recentError) {
        newState = "DEGRADED_INFERENCE";
      } else {
        newState = "ONLINE";
      }
    }
    if (!newState.equals(state)) {
      long changedAt =
          state.equals("LOADING") && loadedAt < t ? loadedAt : t - 500 - random.nextInt(9_000);
      lastStateUpdate = Math.max(lastStatusTs + 1, Math.min(t - 1, changedAt));
      state = newState;
    }
    if (output > 0) {
      lastOutputTime = t - 20 - random.nextInt(100);
    }
    if (input > 0) {
      lastInputTime = t - 5 - random.nextInt(110);
    }
    long envelopeTs = t - random.nextInt(4);
    try {
      JsonGenerator g = begin(sim, "ai_stream_status", envelopeTs);
      g.writeStartObject();
      g.writeObjectFieldStart("inference_status");
      g.writeNumberField("fps", output);
      EnvelopeWriter.nullableString(g, "last_error", lastError);
      EnvelopeWriter.nullableLong(g, "last_error_time", lastErrorTime);
      EnvelopeWriter.nullableLong(g, "last_output_time", lastOutputTime);
      params.write(g, "last_params");
      g.writeStringField("last_params_hash", params.hash());
      g.writeNumberField("last_params_update_time", paramsUpdatedAt);
      if (pendingRestartLogs != null) {
        g.writeArrayFieldStart("last_restart_logs");
        for (String line : pendingRestartLogs) {
          g.writeString(line);
        }
        g.writeEndArray();
        pendingRestartLogs = null;
      } else {
        g.writeNullField("last_restart_logs");
      }
      EnvelopeWriter.nullableLong(g, "last_restart_time", lastRestartTime);
      g.writeNumberField("restart_count", restartCount);
      g.writeEndObject();
      g.writeObjectFieldStart("input_status");
      g.writeNumberField("fps", input);
      EnvelopeWriter.nullableLong(g, "last_input_time", lastInputTime);
      g.writeEndObject();
      g.writeNumberField("last_state_update_time", lastStateUpdate);
      g.writeNumberField("last_status_timestamp", lastStatusTs);
      orchestratorInfo(g, segment);
      g.writeStringField("pipeline", model());
      g.writeStringField("pipeline_id", "");
      g.writeStringField("request_id", requestId);
      g.writeNumberField("start_time", runnerStart);
      g.writeStringField("state", newState);
      g.writeStringField("stream_id", streamId);
      g.writeNumberField("timestamp", t);
      g.writeStringField("type", "status");
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lastStatusTs = t;
    boolean delivered = send(sim, "ai_stream_status", "status", t, true);
    statusReal.add(newState, output);
    if (firstStatusStartTimeReal == UNSET) {
      firstStatusStartTimeReal = runnerStart;
    }
    if (delivered) {
      statusDelivered.add(newState, output);
      if (firstStatusStartTimeDelivered == UNSET) {
        firstStatusStartTimeDelivered = runnerStart;
      }
    }
    if (sim.ledger.sla) {
      TruthLedger.SlaRow row = statusRow(sim, t);
      row.statusSamplesReal++;
      if (delivered) {
        row.statusSamples++;
        row.outputFpsSum += output;
        row.inputFpsSum += input;
        if (output > 0) {
          row.positiveOutputFpsSamples++;
        }
        if (newState.equals("ONLINE") || newState.startsWith("DEGRADED_")) {
          row.runningStateSamples++;
        }
        if (newState.equals("ONLINE")) {
          row.onlineSamples++;
        }
        if (row != lastStatusRow) {
          row.statusSessions++;
          lastStatusRow = row;
        }
      }
    }
  }

  private TruthLedger.SlaRow cachedRow;
  private Segment cachedRowSegment;
  private long cachedRowHour;

  /** The SLA row of a status at {@code t}: the same as the last one within its hour and segment. */
  private TruthLedger.SlaRow statusRow(Simulation sim, long t) {
    long hour = Simulation.hourStart(t);
    if (cachedRow == null || cachedRowSegment != segment || cachedRowHour != hour) {
      cachedRow = sim.ledger.row(t, gateway.org, segment, model());
      cachedRowSegment = segment;
      cachedRowHour = hour;
    }
    return cachedRow;
  }

  private void paramsUpdate(Simulation sim, long t) {
    if (segment == null) {
      return;
    }
    params = StreamParams.update(random, frameSize);
    paramsUpdatedAt = t;
    try {
      JsonGenerator g = begin(sim, "ai_stream_events", t);
      g.writeStartObject();
      orchestratorInfo(g, segment);
      params.write(g, "params");
      g.writeStringField("pipeline", model());
      g.writeStringField("pipeline_id", "");
      g.writeStringField("request_id", requestId);
      g.writeStringField("stream_id", streamId);
      g.writeNumberField("timestamp", t);
      g.writeStringField("type", "params_update");
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean delivered = send(sim, "ai_stream_events", "params_update", t, true);
    paramsReal++;
    if (delivered) {
      paramsDelivered++;
    }
  }

  private void restart(Simulation sim, long t) {
    if (segment == null) {
      return;
    }
    restartCount++;
    lastRestartTime = t;
    pendingRestartLogs =
        List.of(
            "pipeline process exited with code 1, restarting",
            "restart " + restartCount + " of 3: loading " + model());
    try {
      JsonGenerator g = begin(sim, "ai_stream_events", t);
      g.writeStartObject();
      orchestratorInfo(g, segment);
      g.writeStringField("pipeline", model());
      g.writeStringField("pipeline_id", "");
      g.writeStringField("request_id", requestId);
      g.writeNumberField("restart_count", restartCount);
      g.writeArrayFieldStart("restart_logs");
      for (String line : pendingRestartLogs) {
        g.writeString(line);
      }
      g.writeEndArray();
      g.writeNumberField("restart_time", t);
      g.writeStringField("stream_id", streamId);
      g.writeNumberField("timestamp", t);
      g.writeStringField("type", "restart");
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean delivered = send(sim, "ai_stream_events", "restart", t, true);
    restartEventsReal++;
    if (delivered) {
      restartEventsDelivered++;
    }
    if (sim.ledger.sla && delivered) {
      sim.ledger.row(t, gateway.org, segment, model()).restartEvents++;
    }
  }

  private void midstreamError(Simulation sim, long t) {
    if (segment == null) {
      return;
    }
    boolean excusable = random.nextBoolean();
    String message =
        Catalog.pick(random, excusable ? Catalog.EXCUSABLE_ERRORS : Catalog.UNEXCUSED_ERRORS);
    errorEvent(sim, t, message, random.nextBoolean());
  }

  /**
   * An {@code ai_stream_events} error: the runner's shape (orchestrator_info, {@code time} in float
   * seconds) or the gateway's (capability LiveVideoToVideo, no orchestrator).
   */
  private void errorEvent(Simulation sim, long t, String message, boolean runnerShape) {
    boolean withOrchestrator = runnerShape && segment != null;
    try {
      JsonGenerator g = begin(sim, "ai_stream_events", t);
      g.writeStartObject();
      if (!withOrchestrator) {
        g.writeStringField("capability", "LiveVideoToVideo");
      }
      g.writeStringField("message", message);
      if (withOrchestrator) {
        orchestratorInfo(g, segment);
      }
      g.writeStringField("pipeline", model());
      g.writeStringField("pipeline_id", "");
      g.writeStringField("request_id", requestId);
      g.writeStringField("stream_id", streamId);
      if (withOrchestrator) {
        g.writeNumberField("time", java.math.BigDecimal.valueOf(t, 3));
      }
      g.writeNumberField("timestamp", t);
      g.writeStringField("type", "error");
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean delivered = send(sim, "ai_stream_events", "error", t, withOrchestrator);
    boolean excusable = Catalog.excusable(message);
    errorsReal++;
    if (excusable) {
      excusableErrorsReal++;
    }
    if (delivered) {
      errorsDelivered++;
      if (excusable) {
        excusableErrorsDelivered++;
      }
    }
    if (segment != null) {
      lastError = message;
      lastErrorTime = t;
    }
    if (sim.ledger.sla && delivered) {
      sim.ledger.row(t, gateway.org, segment, model()).errorEvents++;
    }
  }

  // --- truth -------------------------------------------------------------------------------------

  /** The reference's startup outcome (§2.7) from the given facts. */
  static String outcome(
      boolean playable, boolean selected, boolean noOrch, int errors, int excusableErrors) {
    if (playable) {
      return "success";
    }
    if (!selected && noOrch) {
      return "no_orchestrator";
    }
    if (errors > 0 && errors == excusableErrors) {
      return "excused_error";
    }
    return "unexcused_failure";
  }

  private static Long latency(long from, long to) {
    if (from == UNSET || to == UNSET || to < from) {
      return null;
    }
    return to - from;
  }

  private ObjectNode truthRecord(Simulation sim, boolean ongoing) {
    boolean realPlayable = realMilestone[FEW_PROCESSED] != UNSET;
    String realOutcome =
        outcome(
            realPlayable,
            !segments.isEmpty(),
            mode == Mode.NO_ORCHESTRATOR,
            errorsReal,
            excusableErrorsReal);
    boolean requestedSeen = deliveredMilestone[REQUEST] != UNSET;
    boolean playableSeen = deliveredMilestone[FEW_PROCESSED] != UNSET;
    String seenOutcome =
        outcome(
            playableSeen,
            selectionSeenDelivered,
            noOrchTraceDelivered,
            errorsDelivered,
            excusableErrorsDelivered);
    Long startup = latency(deliveredMilestone[REQUEST], deliveredMilestone[FIRST_PROCESSED]);
    Long e2e = latency(deliveredMilestone[FIRST_INGEST], deliveredMilestone[RUNNER_PROCESSED]);
    Long ptff = latency(firstStatusStartTimeDelivered, deliveredMilestone[FEW_PROCESSED]);
    boolean loadingOnlySeen = statusDelivered.loadingOnly();
    boolean zeroSeen = statusDelivered.zeroOutputFps();
    boolean outputFailedSeen = loadingOnlySeen || zeroSeen;
    boolean effectiveFailedSeen = seenOutcome.equals("unexcused_failure") || outputFailedSeen;

    if (sim.ledger.sla) {
      Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
      TruthLedger.SlaRow row = sim.ledger.row(requestedAt, gateway.org, last, model());
      row.requestedSessionsReal++;
      if (realPlayable) {
        row.startupSuccessSessionsReal++;
      }
      if (requestedSeen) {
        row.requestedSessions++;
        switch (seenOutcome) {
          case "success" -> row.startupSuccessSessions++;
          case "no_orchestrator" -> {
            row.noOrchSessions++;
            row.startupExcusedSessions++;
          }
          case "excused_error" -> row.startupExcusedSessions++;
          default -> row.startupUnexcusedSessions++;
        }
        if (swapsDelivered > 0) {
          row.swappedSessions++;
        }
        if (loadingOnlySeen) {
          row.loadingOnlySessions++;
        }
        if (zeroSeen) {
          row.zeroOutputFpsSessions++;
        }
        if (outputFailedSeen) {
          row.outputFailedSessions++;
        }
        if (effectiveFailedSeen) {
          row.effectiveFailedSessions++;
        }
        if (startup != null) {
          row.startupLatencySum += startup;
          row.startupLatencyCount++;
        }
        if (e2e != null) {
          row.e2eLatencySum += e2e;
          row.e2eLatencyCount++;
        }
        if (ptff != null) {
          row.ptffSum += ptff;
          row.ptffCount++;
        }
      }
    }
    if (!sim.ledger.sessions) {
      return null;
    }

    ObjectNode r = TruthLedger.NODES.objectNode();
    r.put("org", gateway.org);
    r.put("topic", gateway.topic);
    r.put("gateway", gateway.address);
    r.put("stream_id", streamId);
    r.put("request_id", requestId);
    r.put("pipeline", Catalog.LIVE_PIPELINE);
    r.put("model", model());
    r.put("requested_at", requestedAt);
    TruthLedger.putTime(r, "ended_at", endedAt);
    r.put("ongoing_at_end", ongoing);
    r.put("failure_mode", mode.name().toLowerCase(Locale.ROOT));
    r.put("requested", true);
    r.put("requested_observable", requestedSeen);
    r.put("outcome", realOutcome);
    r.put("outcome_seen", requestedSeen ? seenOutcome : "unknown");
    r.put("outcome_observable", requestedSeen && seenOutcome.equals(realOutcome));
    r.put("playable", realPlayable);
    r.put("playable_observable", playableSeen == realPlayable);
    r.put("served", !segments.isEmpty());
    r.put("served_observable", selectionSeenDelivered == !segments.isEmpty());
    r.put("swap_count", swaps);
    r.put("swaps_delivered", swapsDelivered);
    r.put("loading_only", statusReal.loadingOnly());
    r.put("loading_only_seen", loadingOnlySeen);
    r.put("zero_output_fps", statusReal.zeroOutputFps());
    r.put("zero_output_fps_seen", zeroSeen);
    r.put("output_failed_seen", outputFailedSeen);
    r.put("effective_failed_seen", effectiveFailedSeen);
    r.put("restart_count", restartEventsReal);
    r.put("restart_events_delivered", restartEventsDelivered);
    r.put("error_events", errorsReal);
    r.put("excusable_error_events", excusableErrorsReal);
    r.put("error_events_delivered", errorsDelivered);
    r.put("excusable_error_events_delivered", excusableErrorsDelivered);
    r.put("close_delivered", closeDelivered);
    r.put("no_orch_trace_delivered", noOrchTraceDelivered);
    putLatency(r, "startup_latency_ms", startup);
    putLatency(r, "e2e_latency_ms", e2e);
    putLatency(r, "ptff_ms", ptff);
    putLatency(
        r,
        "startup_latency_ms_real",
        latency(realMilestone[REQUEST], realMilestone[FIRST_PROCESSED]));
    putLatency(
        r,
        "e2e_latency_ms_real",
        latency(realMilestone[FIRST_INGEST], realMilestone[RUNNER_PROCESSED]));
    putLatency(r, "ptff_ms_real", latency(firstStatusStartTimeReal, realMilestone[FEW_PROCESSED]));
    r.put("status_samples", statusReal.samples);
    r.put("status_samples_delivered", statusDelivered.samples);
    r.put("ingest_metrics", ingestReal);
    r.put("ingest_metrics_delivered", ingestDelivered);
    r.put("payments", paymentsReal);
    r.put("payments_delivered", paymentsDelivered);
    r.put("params_updates", paramsReal);
    r.put("params_updates_delivered", paramsDelivered);
    r.put("events", eventsReal);
    r.put("events_delivered", eventsDelivered);
    Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
    r.put("orchestrator", last == null ? null : last.orchestrator().canonicalAddress());
    r.put("orchestrator_uri", last == null ? null : last.host.uri);
    r.put("gpu_physical_id", last == null ? null : last.gpu.physicalId);
    r.put("gpu_uuid", last == null ? null : last.gpuUuid);
    r.put("gpu_observable", last != null && last.gpuObservable);
    ArrayNode serving = r.putArray("segments");
    for (Segment s : segments) {
      ObjectNode n = serving.addObject();
      n.put("orchestrator", s.orchestrator().canonicalAddress());
      n.put("orchestrator_live_address", s.orchestrator().liveAddress());
      n.put("orchestrator_uri", s.host.uri);
      n.put("orchestrator_observable", s.orchestratorObservable);
      n.put("signals_delivered", s.signalsDelivered);
      n.put("host_id", s.host.hostId);
      n.put("gpu_physical_id", s.gpu.physicalId);
      n.put("gpu_uuid", s.gpuUuid);
      n.put("gpu_model", s.host.gpuModel.nvmlName());
      n.put("gpu_observable", s.gpuObservable);
      n.put("gpu_not_observable_reason", notObservableReason(s));
      n.put("from", s.from);
      TruthLedger.putTime(n, "to", s.to);
      n.put("leave_reason", s.leaveReason);
    }
    return r;
  }

  private static String notObservableReason(Segment s) {
    if (s.gpuObservable) {
      return null;
    }
    return s.host.gpus.size() > 1 ? "multi_gpu_host" : "capability_report_not_delivered";
  }

  private static void putLatency(ObjectNode r, String field, Long value) {
    if (value == null) {
      r.putNull(field);
    } else {
      r.put(field, value.longValue());
    }
  }
}
