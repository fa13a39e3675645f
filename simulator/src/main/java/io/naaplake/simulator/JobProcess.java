package io.naaplake.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One request/response job: AI batch ({@code ai_batch_request} received and completed, a payment),
 * LLM (the same plus {@code ai_llm_request} started and completed) or BYOC ({@code job_auth},
 * {@code job_gateway} submitted / discovery / token fetch / completed, {@code job_payment}, {@code
 * job_orchestrator}). Shapes follow the reference's reading of the Cloud-SPE fork (§1.4): upstream
 * emits none of these families.
 */
final class JobProcess extends Action {
  enum Kind {
    AI_BATCH,
    LLM,
    BYOC
  }

  private enum Step {
    RECEIVED,
    LLM_STARTED,
    PAYMENT,
    LLM_COMPLETED,
    BATCH_COMPLETED,
    AUTH,
    SUBMITTED,
    DISCOVERY,
    TOKEN_FETCH,
    JOB_PAYMENT,
    ORCH_COMPLETED,
    GATEWAY_COMPLETED
  }

  private final long number;
  private final Kind kind;
  private final Gateway gateway;
  private final SplittableRandom random;
  private final long startedAt;
  private final String requestId;
  private final String pipeline;
  private final String model;
  private final int capability;
  private final long pricePerUnit;
  private final Host host;
  private final boolean success;
  private final String errorType;
  private final String error;
  private final int tries;
  private long durationMs;
  private final boolean streaming;
  private final List<Step> steps = new ArrayList<>();
  private final List<Long> times = new ArrayList<>();
  private int next;
  private boolean finished;

  // LLM figures.
  private final int promptTokens;
  private final int completionTokens;
  private final int maxTokens;
  private final long ttftMs;

  // Truth.
  private boolean startDelivered;
  private boolean completedDelivered;
  private String completedEventId;
  private int eventsReal;
  private int eventsDelivered;
  private int paymentsReal;
  private int paymentsDelivered;

  JobProcess(
      Simulation sim, long number, Kind kind, Gateway gateway, SplittableRandom random, long at) {
    this.number = number;
    this.kind = kind;
    this.gateway = gateway;
    this.random = random;
    this.startedAt = at;
    this.requestId = kind == Kind.BYOC ? "" : sim.nextRequestId();
    List<Host> candidates;
    switch (kind) {
      case AI_BATCH -> {
        Catalog.BatchModel chosen = chooseBatchModel(sim);
        pipeline = chosen.pipeline();
        model = chosen.model();
        capability = chosen.capability();
        pricePerUnit = chosen.pricePerUnit();
        candidates = sim.network.batchHosts.getOrDefault(model, List.of());
      }
      case LLM -> {
        pipeline = "llm";
        model = Catalog.pick(random, Catalog.LLM_MODELS);
        capability = Catalog.LLM_CAPABILITY;
        pricePerUnit = 56_909_258;
        candidates = sim.network.llmHosts.getOrDefault(model, List.of());
      }
      default -> {
        Catalog.ByocCapability chosen = Catalog.pick(random, Catalog.BYOC_CAPABILITIES);
        pipeline = "byoc";
        model = chosen.name();
        capability = Catalog.BYOC_CAPABILITY;
        pricePerUnit = 1_200_000;
        candidates = sim.network.byocHosts.getOrDefault(model, List.of());
      }
    }
    this.maxTokens = new int[] {256, 512, 1024, 2048}[random.nextInt(4)];
    this.promptTokens = 40 + random.nextInt(1_500);
    this.ttftMs = 80 + random.nextInt(500);
    boolean forcedNoOrch = random.nextDouble() < sim.config.failureRates().noOrchestrator();
    host =
        candidates.isEmpty() || forcedNoOrch
            ? null
            : candidates.get(random.nextInt(candidates.size()));
    this.streaming = kind == Kind.LLM ? random.nextBoolean() : random.nextInt(10) == 0;
    if (host == null) {
      success = false;
      errorType = "no_orchestrators";
      error = Catalog.NO_ORCHESTRATORS_MESSAGE;
      tries = 0;
      durationMs = 20 + random.nextInt(300);
    } else {
      FailureRates rates = host.orchestrator.rates;
      double failure = Math.min(0.5, rates.unexcusedError() + rates.excusableError());
      success = random.nextDouble() >= failure;
      errorType = success ? "" : random.nextBoolean() ? "orchestrator_error" : "timeout";
      error =
          success
              ? ""
              : errorType.equals("timeout")
                  ? "context deadline exceeded"
                  : "orchestrator returned 500: inference failed";
      tries = success ? (random.nextInt(20) == 0 ? 2 : 1) : 1 + random.nextInt(3);
    }
    this.completionTokens =
        success ? Math.max(1, (int) (maxTokens * (0.15 + 0.85 * random.nextDouble()))) : 0;
    if (host != null) {
      durationMs = duration();
    }
    plan();
  }

  private Catalog.BatchModel chooseBatchModel(Simulation sim) {
    List<Catalog.BatchModel> served = new ArrayList<>();
    for (Catalog.BatchModel model : Catalog.BATCH_MODELS) {
      if (sim.network.batchHosts.containsKey(model.model())) {
        served.add(model);
      }
    }
    if (served.isEmpty() || random.nextInt(10) == 0) {
      return Catalog.pick(random, Catalog.BATCH_MODELS);
    }
    return Catalog.pick(random, served);
  }

  private long duration() {
    return switch (kind) {
      case AI_BATCH -> {
        int median = 2_000;
        for (Catalog.BatchModel m : Catalog.BATCH_MODELS) {
          if (m.model().equals(model)) {
            median = m.medianDurationMs();
          }
        }
        yield Math.max(100, Math.round(median * Math.exp(0.4 * random.nextGaussian())));
      }
      case LLM -> {
        double tokensPerSecond = 30 + 90 * random.nextDouble();
        yield ttftMs + Math.round(Math.max(1, completionTokens) / tokensPerSecond * 1_000);
      }
      case BYOC -> 200 + random.nextInt(4_800);
    };
  }

  private void plan() {
    long t = startedAt;
    long end = t + durationMs;
    switch (kind) {
      case AI_BATCH -> {
        add(Step.RECEIVED, t);
        if (host != null) {
          add(Step.PAYMENT, t + 20 + random.nextInt(100));
        }
        add(Step.BATCH_COMPLETED, Math.max(end, t + 150));
      }
      case LLM -> {
        add(Step.RECEIVED, t);
        if (host != null) {
          add(Step.LLM_STARTED, t + 5 + random.nextInt(25));
          add(Step.PAYMENT, t + 40 + random.nextInt(60));
          end = Math.max(end, t + 150);
          add(Step.LLM_COMPLETED, end - 2);
        }
        add(Step.BATCH_COMPLETED, Math.max(end, t + 150));
      }
      case BYOC -> {
        if (random.nextInt(5) == 0) {
          add(Step.AUTH, t);
        }
        add(Step.SUBMITTED, t + 5);
        add(Step.DISCOVERY, t + 10 + random.nextInt(30));
        if (host != null) {
          add(Step.TOKEN_FETCH, t + 60 + random.nextInt(140));
          add(Step.JOB_PAYMENT, t + 210 + random.nextInt(20));
          end = Math.max(end, t + 300);
          add(Step.ORCH_COMPLETED, end - 5);
        }
        add(Step.GATEWAY_COMPLETED, Math.max(end, t + 60));
      }
    }
  }

  private void add(Step step, long at) {
    steps.add(step);
    times.add(at);
  }

  long firstTime() {
    return times.get(0);
  }

  @Override
  void run(Simulation sim) {
    if (next == 0) {
      sim.activeJobs.put(number, this);
      sim.jobsStarted++;
    }
    Step step = steps.get(next);
    try {
      switch (step) {
        case RECEIVED -> received(sim);
        case LLM_STARTED -> llmStarted(sim);
        case PAYMENT -> payment(sim);
        case LLM_COMPLETED -> llmCompleted(sim);
        case BATCH_COMPLETED -> batchCompleted(sim);
        case AUTH -> auth(sim);
        case SUBMITTED -> submitted(sim);
        case DISCOVERY -> discovery(sim);
        case TOKEN_FETCH -> tokenFetch(sim);
        case JOB_PAYMENT -> jobPayment(sim);
        case ORCH_COMPLETED -> orchestratorCompleted(sim);
        case GATEWAY_COMPLETED -> gatewayCompleted(sim);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    next++;
    if (next < steps.size()) {
      sim.scheduler.schedule(this, times.get(next));
    } else {
      finish(sim, false);
    }
  }

  // --- events ------------------------------------------------------------------------------------

  private String currentId;

  private JsonGenerator begin(Simulation sim, String type) {
    currentId = Ids.uuid4(random);
    return sim.writer.begin(currentId, type, time, gateway.envelopeGateway);
  }

  private boolean send(Simulation sim, String type, String subtype) {
    byte[] value = sim.writer.finish();
    boolean delivered = sim.emit(gateway, currentId, type, subtype, time, value, null) > 0;
    eventsReal++;
    if (delivered) {
      eventsDelivered++;
    }
    return delivered;
  }

  private String orchUrl() {
    return host == null ? "" : host.uri;
  }

  private double latencyScore() {
    return Math.round((0.05 + 0.5 * random.nextDouble()) * 10_000) / 10_000.0;
  }

  private void received(Simulation sim) throws IOException {
    JsonGenerator g = begin(sim, "ai_batch_request");
    g.writeStartObject();
    g.writeStringField("client_ip", "10." + random.nextInt(256) + "." + random.nextInt(256) + ".1");
    g.writeStringField("model_id", model);
    g.writeStringField("orchestrator", "");
    g.writeStringField("pipeline", pipeline);
    g.writeStringField("request_id", requestId);
    g.writeNumberField("timestamp", time);
    g.writeStringField("type", "ai_batch_request_received");
    g.writeEndObject();
    startDelivered = send(sim, "ai_batch_request", "ai_batch_request_received");
  }

  private void llmStarted(Simulation sim) throws IOException {
    JsonGenerator g = begin(sim, "ai_llm_request");
    g.writeStartObject();
    g.writeStringField("model", model);
    g.writeStringField("orch_url", orchUrl());
    g.writeStringField("request_id", requestId);
    g.writeBooleanField("streaming", streaming);
    g.writeNumberField("timestamp", time);
    g.writeStringField("type", "llm_request_started");
    g.writeEndObject();
    send(sim, "ai_llm_request", "llm_request_started");
  }

  private void payment(Simulation sim) throws IOException {
    Orchestrator o = host.orchestrator;
    JsonGenerator g = begin(sim, "create_new_payment");
    g.writeStartObject();
    g.writeStringField("capability", "");
    g.writeStringField("clientIP", "");
    g.writeStringField("faceValue", o.faceValueWei + " WEI");
    g.writeStringField("manifestID", Ids.hex(random, 8));
    g.writeStringField("numTickets", "1");
    g.writeStringField("orchestrator", host.uri);
    g.writeStringField("price", String.format(Locale.ROOT, "%d.000 wei/pixel", pricePerUnit));
    g.writeStringField("recipient", o.address);
    g.writeStringField("requestID", "");
    g.writeStringField("sender", gateway.address);
    g.writeStringField("sessionID", Ids.hex(random, 8));
    g.writeStringField("winProb", LiveSession.winProb(o.winProbUnits));
    g.writeEndObject();
    boolean delivered = send(sim, "create_new_payment", null);
    paymentsReal++;
    if (delivered) {
      paymentsDelivered++;
    }
    sim.ledger.payment(
        time, gateway.org, o.address, o.faceValueWei, o.winProbUnits, 1, false, delivered);
  }

  private void llmCompleted(Simulation sim) throws IOException {
    JsonGenerator g = begin(sim, "ai_llm_request");
    String subtype = streaming ? "llm_stream_completed" : "llm_request_completed";
    double tokensPerSecond =
        completionTokens == 0
            ? 0
            : Math.round(completionTokens * 1_000.0 / Math.max(1, durationMs - ttftMs) * 100)
                / 100.0;
    g.writeStartObject();
    g.writeStringField("completion_id", "chatcmpl-" + Ids.hex(random, 24));
    g.writeNumberField("completion_tokens", completionTokens);
    g.writeStringField("error", success ? "" : error);
    g.writeStringField(
        "finish_reason", !success ? "error" : completionTokens >= maxTokens ? "length" : "stop");
    g.writeNumberField("latency_score", latencyScore());
    g.writeNumberField("max_tokens_requested", maxTokens);
    g.writeStringField("model", model);
    g.writeStringField("orch_url", orchUrl());
    g.writeNumberField("price_per_unit", pricePerUnit);
    g.writeNumberField("prompt_tokens", promptTokens);
    g.writeStringField("request_id", requestId);
    g.writeBooleanField("streaming", streaming);
    g.writeNumberField("timestamp", time);
    g.writeNumberField(
        "token_utilization", Math.round(completionTokens * 10_000.0 / maxTokens) / 10_000.0);
    g.writeNumberField("tokens_per_second", tokensPerSecond);
    g.writeNumberField("total_duration_ms", durationMs);
    g.writeNumberField("total_tokens", promptTokens + completionTokens);
    if (streaming) {
      g.writeNumberField("ttft_ms", ttftMs);
    }
    g.writeStringField("type", subtype);
    g.writeEndObject();
    send(sim, "ai_llm_request", subtype);
  }

  private void batchCompleted(Simulation sim) throws IOException {
    JsonGenerator g = begin(sim, "ai_batch_request");
    g.writeStartObject();
    g.writeNumberField("duration_ms", durationMs);
    g.writeStringField("error", error);
    g.writeStringField("error_type", errorType);
    g.writeNumberField("latency_score", host == null ? 0.0 : latencyScore());
    g.writeStringField("model_id", model);
    g.writeStringField("orch_url", orchUrl());
    g.writeStringField("pipeline", pipeline);
    g.writeNumberField("price_per_unit", host == null ? 0 : pricePerUnit);
    g.writeStringField("request_id", requestId);
    g.writeBooleanField("success", success);
    g.writeNumberField("timestamp", time);
    g.writeNumberField("tries", tries);
    g.writeStringField("type", "ai_batch_request_completed");
    g.writeEndObject();
    completedDelivered = send(sim, "ai_batch_request", "ai_batch_request_completed");
    completedEventId = currentId;
  }

  private void auth(Simulation sim) throws IOException {
    JsonGenerator g = begin(sim, "job_auth");
    g.writeStartObject();
    g.writeStringField("capability", model);
    g.writeStringField("error", "");
    g.writeStringField("gateway_host", "gateway-" + gateway.index + ".local");
    g.writeStringField("pipeline", model);
    g.writeStringField("pipeline_id", "");
    g.writeStringField("request_id", "");
    g.writeStringField("stream_id", "");
    g.writeStringField("stream_name", "byoc-" + Ids.hex(random, 6));
    g.writeBooleanField("success", true);
    g.writeNumberField("timestamp", time);
    g.writeStringField("type", "job_auth_webhook_result");
    g.writeEndObject();
    send(sim, "job_auth", "job_auth_webhook_result");
  }

  private void submitted(Simulation sim) throws IOException {
    JsonGenerator g = begin(sim, "job_gateway");
    g.writeStartObject();
    g.writeNumberField("attempt_index", 0);
    g.writeStringField("capability", model);
    g.writeStringField("request_id", "");
    g.writeNumberField("timestamp", time);
    g.writeStringField("type", "job_gateway_submitted");
    g.writeEndObject();
    startDelivered = send(sim, "job_gateway", "job_gateway_submitted");
  }

  private void discovery(Simulation sim) throws IOException {
    JsonGenerator g = begin(sim, "job_gateway");
    g.writeStartObject();
    g.writeStringField("capability", model);
    g.writeStringField("request_id", "");
    g.writeNumberField("selected", host == null ? 0 : 1 + random.nextInt(3));
    g.writeNumberField("timestamp", time);
    g.writeStringField("type", "job_orchestrator_discovery_result");
    g.writeEndObject();
    send(sim, "job_gateway", "job_orchestrator_discovery_result");
  }

  private void tokenFetch(Simulation sim) throws IOException {
    JsonGenerator g = begin(sim, "job_gateway");
    g.writeStartObject();
    g.writeNumberField("available_capacity", 1 + random.nextInt(8));
    g.writeStringField("capability", model);
    g.writeNumberField("latency_ms", 10 + random.nextInt(150));
    g.writeStringField("orch_url", host.uri);
    g.writeStringField("request_id", "");
    g.writeNumberField("timestamp", time);
    g.writeStringField("type", "job_orchestrator_token_fetch_result");
    g.writeEndObject();
    send(sim, "job_gateway", "job_orchestrator_token_fetch_result");
  }

  private void jobPayment(Simulation sim) throws IOException {
    JsonGenerator g = begin(sim, "job_payment");
    g.writeStartObject();
    g.writeStringField("capability", model);
    EnvelopeWriter.orchestratorInfo(g, host.orchestrator.liveAddress(), host.uri);
    g.writeStringField("request_id", "");
    g.writeNumberField("timestamp", time);
    g.writeStringField("type", "payment_created");
    g.writeBooleanField("with_tickets", true);
    g.writeEndObject();
    send(sim, "job_payment", "payment_created");
  }

  private int httpStatus() {
    if (host == null) {
      return 503;
    }
    return success ? 200 : errorType.equals("timeout") ? 504 : 500;
  }

  private void orchestratorCompleted(Simulation sim) throws IOException {
    JsonGenerator g = begin(sim, "job_orchestrator");
    g.writeStartObject();
    g.writeStringField("capability", model);
    g.writeBooleanField("charged_compute", success);
    g.writeNumberField("duration_ms", Math.max(1, durationMs - 60));
    g.writeBooleanField("has_payment", true);
    g.writeNumberField("http_status", httpStatus());
    EnvelopeWriter.orchestratorInfo(g, host.orchestrator.liveAddress(), host.uri);
    g.writeNumberField("price_per_unit", pricePerUnit);
    g.writeNumberField("pixels_per_unit", 1);
    g.writeStringField("request_id", "");
    g.writeBooleanField("success", success);
    g.writeNumberField("timestamp", time);
    g.writeStringField("type", "job_orchestrator_completed");
    g.writeStringField("worker_url", CapabilityPoll.workerUrl(host, 0));
    g.writeEndObject();
    send(sim, "job_orchestrator", "job_orchestrator_completed");
  }

  private void gatewayCompleted(Simulation sim) throws IOException {
    JsonGenerator g = begin(sim, "job_gateway");
    g.writeStartObject();
    g.writeStringField("capability", model);
    g.writeNumberField("completed_at", time);
    g.writeNumberField("duration_ms", durationMs);
    g.writeStringField("error", error);
    g.writeNumberField("http_status", httpStatus());
    if (host == null) {
      EnvelopeWriter.orchestratorInfo(g, "", "");
    } else {
      EnvelopeWriter.orchestratorInfo(g, host.orchestrator.liveAddress(), host.uri);
    }
    g.writeStringField("request_id", "");
    g.writeBooleanField("streaming", streaming);
    g.writeBooleanField("success", success);
    g.writeNumberField("timestamp", time);
    g.writeStringField("type", "job_gateway_completed");
    g.writeEndObject();
    completedDelivered = send(sim, "job_gateway", "job_gateway_completed");
    completedEventId = currentId;
  }

  // --- truth -------------------------------------------------------------------------------------

  void finish(Simulation sim, boolean ongoing) {
    if (finished) {
      return;
    }
    finished = true;
    sim.activeJobs.remove(number);
    if (!sim.ledger.jobs) {
      return;
    }
    ObjectNode r = TruthLedger.NODES.objectNode();
    r.put("kind", kind.name().toLowerCase(Locale.ROOT));
    r.put("org", gateway.org);
    r.put("topic", gateway.topic);
    r.put("job_key", kind == Kind.BYOC ? completedEventId : requestId);
    r.put("request_id", requestId);
    r.put("pipeline", pipeline);
    r.put("model", model);
    r.put("capability", capability);
    r.put("orchestrator", host == null ? null : host.orchestrator.canonicalAddress());
    r.put("orchestrator_uri", host == null ? null : host.uri);
    r.put("hardware_less", host == null ? null : host.gpus.isEmpty());
    r.put("selection_outcome", host == null ? "no_orch" : "selected");
    r.put("success", success);
    r.put("error_type", errorType);
    r.put("tries", tries);
    r.put("duration_ms", durationMs);
    r.put("started_at", startedAt);
    r.put("ongoing_at_end", ongoing);
    r.put("start_delivered", startDelivered);
    r.put("completed_delivered", completedDelivered);
    r.put("observable", completedDelivered);
    r.put("events", eventsReal);
    r.put("events_delivered", eventsDelivered);
    r.put("payments", paymentsReal);
    r.put("payments_delivered", paymentsDelivered);
    if (kind == Kind.LLM) {
      r.put("prompt_tokens", promptTokens);
      r.put("completion_tokens", completionTokens);
      r.put("streaming", streaming);
    }
    sim.ledger.job(r);
  }
}
