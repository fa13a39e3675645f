package io.naaplake.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One gateway polling every orchestrator host each capability interval and publishing one {@code
 * network_capabilities} event per host ({@code data} a one-element array, as in the real sample),
 * spread over the first 20 s of the poll. Also drains BYOC workers ({@code worker_lifecycle}).
 *
 * <p>Each report updates the truth of the GPUs it names: which UUID epoch was reported, and whether
 * the report reached the gateway's topic (which makes the GPU observable to sessions selected
 * afterwards).
 */
final class CapabilityPoll extends Action {
  /** Transcoding capabilities every real orchestrator advertises (0-12, 14, 26). */
  private static final int[] TRANSCODING = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 26};

  private static final int[] BATCH_EXTRA = {27, 28, 29, 30, 31, 32, 34, 36};
  private static final long GIB = 1L << 30;

  private final Gateway gateway;
  private final List<Host> hosts;
  private final SplittableRandom random;
  private long pollStart;
  private int next;
  private boolean firstRound = true;

  CapabilityPoll(Gateway gateway, List<Host> hosts, SplittableRandom random, long firstPoll) {
    this.gateway = gateway;
    this.hosts = new ArrayList<>(hosts);
    this.hosts.sort(Comparator.comparingLong((Host h) -> h.pollOffsetMs));
    this.random = random;
    this.pollStart = firstPoll;
  }

  long nextTime() {
    return pollStart + hosts.get(next).pollOffsetMs;
  }

  @Override
  void run(Simulation sim) {
    Host host = hosts.get(next);
    report(sim, host, time);
    if (host.orchestrator.kind == Orchestrator.Kind.BYOC) {
      drainWorkers(sim, host, time);
    }
    next++;
    if (next == hosts.size()) {
      next = 0;
      firstRound = false;
      pollStart += sim.config.cadences().capabilityInterval().toMillis();
    }
    sim.scheduler.schedule(this, nextTime());
  }

  private void report(Simulation sim, Host host, long t) {
    String id = Ids.uuid4(random);
    try {
      JsonGenerator g = sim.writer.begin(id, "network_capabilities", t, gateway.envelopeGateway);
      g.writeStartArray();
      writeEntry(g, host);
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] value = sim.writer.finish();
    boolean delivered = sim.emit(gateway, id, "network_capabilities", null, t, value, null) > 0;
    for (PhysicalGpu gpu : host.gpus) {
      PhysicalGpu.UuidEpoch epoch = gpu.current();
      epoch.reportsEmitted++;
      if (epoch.firstReportedAt == Long.MIN_VALUE) {
        epoch.firstReportedAt = t;
      }
      epoch.lastReportedAt = t;
      if (delivered) {
        epoch.reportsDelivered++;
        if (epoch.firstDeliveredAt == Long.MIN_VALUE) {
          epoch.firstDeliveredAt = t;
        }
      }
    }
    if (delivered) {
      host.deliveredEpoch[gateway.orgIndex] = host.epoch;
      host.everDelivered[gateway.orgIndex] = true;
    }
  }

  private void writeEntry(JsonGenerator g, Host host) throws IOException {
    Orchestrator o = host.orchestrator;
    g.writeStartObject();
    g.writeStringField("address", o.address);
    g.writeStringField("local_address", o.localAddress);
    g.writeStringField("orch_uri", host.uri);

    TreeMap<Integer, Integer> capacities = new TreeMap<>();
    int transcodeCapacity = Math.max(1, Math.min(3, host.gpus.size()));
    for (int id : TRANSCODING) {
      capacities.put(id, transcodeCapacity);
    }
    switch (o.kind) {
      case LIVE -> capacities.put(Catalog.LIVE_CAPABILITY, host.liveSlots());
      case BATCH -> {
        for (int id : BATCH_EXTRA) {
          capacities.put(id, 1);
        }
        for (Catalog.BatchModel model : host.batchModels) {
          capacities.put(model.capability(), 1);
        }
      }
      case LLM -> capacities.put(Catalog.LLM_CAPABILITY, 1);
      case BYOC -> capacities.put(Catalog.BYOC_CAPABILITY, host.byocCapabilities.size());
    }
    long bits = 0;
    for (int id : capacities.keySet()) {
      bits |= 1L << id;
    }
    g.writeObjectFieldStart("capabilities");
    g.writeArrayFieldStart("bitstring");
    g.writeNumber(bits);
    g.writeEndArray();
    if (o.reportsMandatories) {
      g.writeArrayFieldStart("mandatories");
      g.writeNumber(4096);
      g.writeEndArray();
    }
    g.writeObjectFieldStart("capacities");
    for (var entry : capacities.entrySet()) {
      g.writeNumberField(Integer.toString(entry.getKey()), entry.getValue());
    }
    g.writeEndObject();
    g.writeStringField("version", o.version);
    g.writeObjectFieldStart("constraints");
    if (o.reportsMinVersion) {
      g.writeStringField("minVersion", o.version);
    }
    if (o.kind != Orchestrator.Kind.BYOC) {
      g.writeObjectFieldStart("PerCapability");
      switch (o.kind) {
        case LIVE -> perCapability(g, host, Catalog.LIVE_CAPABILITY, host.models, false);
        case BATCH -> {
          TreeMap<Integer, List<String>> byCapability = new TreeMap<>();
          for (Catalog.BatchModel model : host.batchModels) {
            byCapability
                .computeIfAbsent(model.capability(), k -> new ArrayList<>())
                .add(model.model());
          }
          for (var entry : byCapability.entrySet()) {
            perCapability(g, host, entry.getKey(), entry.getValue(), false);
          }
        }
        case LLM -> perCapability(g, host, Catalog.LLM_CAPABILITY, host.models, true);
        default -> {}
      }
      g.writeEndObject();
    }
    g.writeEndObject(); // constraints
    g.writeEndObject(); // capabilities

    g.writeArrayFieldStart("capabilities_prices");
    switch (o.kind) {
      case LIVE -> price(g, host.pricePerUnit, Catalog.LIVE_CAPABILITY, host.models.get(0));
      case BATCH -> {
        for (Catalog.BatchModel model : host.batchModels) {
          price(g, model.pricePerUnit(), model.capability(), model.model());
        }
      }
      case LLM -> {
        for (String model : host.models) {
          price(g, 56_909_258, Catalog.LLM_CAPABILITY, model);
        }
      }
      case BYOC -> {
        for (Catalog.ByocCapability capability : host.byocCapabilities) {
          price(g, 1_200_000, Catalog.BYOC_CAPABILITY, capability.name());
        }
      }
    }
    g.writeEndArray();

    switch (o.kind) {
      case LIVE, BATCH -> hardware(g, host);
      case LLM -> {
        if (o.hardwareNull) {
          g.writeNullField("hardware");
        } else {
          g.writeArrayFieldStart("hardware");
          g.writeStartObject();
          g.writeStringField("pipeline", "llm");
          g.writeStringField("model_id", host.models.get(0));
          g.writeEndObject();
          g.writeEndArray();
        }
      }
      case BYOC -> {
        g.writeNullField("hardware");
        g.writeObjectFieldStart("capability_options");
        for (Catalog.ByocCapability capability : host.byocCapabilities) {
          g.writeArrayFieldStart(capability.name());
          g.writeStartObject();
          g.writeStringField("model", capability.model());
          g.writeEndObject();
          g.writeEndArray();
        }
        g.writeEndObject();
      }
    }
    g.writeEndObject();
  }

  private void perCapability(
      JsonGenerator g, Host host, int capability, List<String> models, boolean llm)
      throws IOException {
    g.writeObjectFieldStart(Integer.toString(capability));
    g.writeObjectFieldStart("models");
    for (String model : models) {
      g.writeObjectFieldStart(model);
      g.writeBooleanField("warm", true);
      Orchestrator.ModelEntryShape shape =
          llm ? Orchestrator.ModelEntryShape.CAPACITY_ONLY : host.orchestrator.modelEntryShape;
      int capacity = llm ? host.llmCapacity : Math.max(1, host.liveSlots());
      switch (shape) {
        case CAPACITY_RUNNER -> {
          g.writeNumberField("capacity", capacity);
          g.writeStringField("runnerVersion", host.runnerVersion);
        }
        case IN_USE_RUNNER -> {
          g.writeStringField("runnerVersion", host.runnerVersion);
          g.writeNumberField("capacityInUse", host.activeStreams);
        }
        case RUNNER_ONLY -> g.writeStringField("runnerVersion", host.runnerVersion);
        case CAPACITY_ONLY -> g.writeNumberField("capacity", capacity);
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void price(JsonGenerator g, long pricePerUnit, int capability, String constraint)
      throws IOException {
    g.writeStartObject();
    g.writeNumberField("pricePerUnit", pricePerUnit);
    g.writeNumberField("pixelsPerUnit", 1);
    g.writeNumberField("capability", capability);
    g.writeStringField("constraint", constraint);
    g.writeEndObject();
  }

  /**
   * GPUs per (pipeline, model): one entry per GPU keyed "0" (as most real multi-GPU hosts report)
   * or one entry keyed "0", "1", ...; batch hosts list the same GPUs under every model they serve.
   */
  private void hardware(JsonGenerator g, Host host) throws IOException {
    String pipeline = Catalog.LIVE_PIPELINE;
    g.writeArrayFieldStart("hardware");
    int entries = host.orchestrator.kind == Orchestrator.Kind.LIVE ? 1 : host.batchModels.size();
    for (int m = 0; m < entries; m++) {
      String model = host.models.get(m);
      if (host.orchestrator.kind == Orchestrator.Kind.BATCH) {
        pipeline = host.batchModels.get(m).pipeline();
      }
      if (host.orchestrator.hardwarePerGpu) {
        for (PhysicalGpu gpu : host.gpus) {
          hardwareEntry(g, host, pipeline, model, List.of(gpu));
        }
      } else {
        hardwareEntry(g, host, pipeline, model, host.gpus);
      }
    }
    g.writeEndArray();
  }

  private void hardwareEntry(
      JsonGenerator g, Host host, String pipeline, String model, List<PhysicalGpu> gpus)
      throws IOException {
    GpuModel gpuModel = host.gpuModel;
    g.writeStartObject();
    g.writeStringField("pipeline", pipeline);
    g.writeStringField("model_id", model);
    g.writeObjectFieldStart("gpu_info");
    for (int i = 0; i < gpus.size(); i++) {
      PhysicalGpu gpu = gpus.get(i);
      g.writeObjectFieldStart(Integer.toString(i));
      g.writeStringField("id", gpu.uuid());
      g.writeStringField("name", gpuModel.nvmlName());
      g.writeNumberField("major", gpuModel.major());
      if (gpuModel.minor() != 0) {
        g.writeNumberField("minor", gpuModel.minor());
      }
      long used =
          GIB / 2
              + random.nextInt(1_000) * (GIB / 1_000)
              + gpu.activeStreams * (6 * GIB + random.nextInt(4_000) * (GIB / 1_000));
      g.writeNumberField("memory_free", Math.max(GIB / 2, gpuModel.memoryTotal() - used));
      g.writeNumberField("memory_total", gpuModel.memoryTotal());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * BYOC workers as the gateway drains them: each worker registered once per gateway, in the first
   * poll; later polls sometimes re-drain the same event (same {@code data.id}, new envelope).
   */
  private void drainWorkers(Simulation sim, Host host, long t) {
    if (!firstRound && random.nextInt(10) != 0) {
      return;
    }
    for (int w = 0; w < host.byocCapabilities.size(); w++) {
      Catalog.ByocCapability capability = host.byocCapabilities.get(w);
      String workerId =
          Ids.uuid4(new SplittableRandom(sim.seed ^ (host.hostId.hashCode() * 31L + w)));
      String id = Ids.uuid4(random);
      try {
        JsonGenerator g = sim.writer.begin(id, "worker_lifecycle", t, gateway.envelopeGateway);
        g.writeStartObject();
        g.writeStringField("capability", capability.name());
        g.writeStringField("id", workerId);
        EnvelopeWriter.orchestratorInfo(g, host.orchestrator.liveAddress(), host.uri);
        g.writeNumberField("price_per_unit", 1_200_000);
        g.writeNumberField("timestamp", sim.startMillis + host.pollOffsetMs);
        g.writeStringField("type", "worker_registered");
        g.writeArrayFieldStart("worker_options");
        g.writeStartObject();
        g.writeStringField("model", capability.model());
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("worker_url", workerUrl(host, w));
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byte[] value = sim.writer.finish();
      sim.emit(gateway, id, "worker_lifecycle", "worker_registered", t, value, null);
    }
  }

  static String workerUrl(Host host, int worker) {
    String base = host.uri.substring(0, host.uri.lastIndexOf(':'));
    return base.replace("https://", "http://") + ":" + (8000 + worker);
  }
}
