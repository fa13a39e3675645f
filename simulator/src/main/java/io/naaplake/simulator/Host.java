package io.naaplake.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * One machine behind an orchestrator URI: its GPUs (all of one model), what it serves and its
 * prices. Capability reports are per host. {@code deliveredEpoch[org]} is the UUID epoch whose
 * report last reached that org's topic, which decides whether a serving GPU is observable.
 */
final class Host {
  final Orchestrator orchestrator;
  final int index;
  final String hostId;
  final String uri;
  final GpuModel gpuModel;
  final boolean rented;
  final String runnerVersion;
  final List<PhysicalGpu> gpus = new ArrayList<>();

  /** Live: the one model served. Batch: the models served. LLM: models. BYOC: capabilities. */
  final List<String> models = new ArrayList<>();

  final List<Catalog.BatchModel> batchModels = new ArrayList<>();
  final List<Catalog.ByocCapability> byocCapabilities = new ArrayList<>();

  /** Live: wei per pixel quoted in capabilities; payments quote it with 3 decimals. */
  final long pricePerUnit;

  final String paymentPrice;

  /** Offset of this host within a gateway's poll, ms. */
  final long pollOffsetMs;

  final int llmCapacity;
  int epoch;
  final int[] deliveredEpoch;
  final boolean[] everDelivered;
  int activeStreams;

  Host(
      Orchestrator orchestrator,
      int index,
      String uri,
      GpuModel gpuModel,
      boolean rented,
      String runnerVersion,
      long pricePerUnit,
      String paymentPrice,
      long pollOffsetMs,
      int llmCapacity,
      int orgs) {
    this.orchestrator = orchestrator;
    this.index = index;
    this.hostId = String.format(java.util.Locale.ROOT, "o%04d-h%d", orchestrator.index, index);
    this.uri = uri;
    this.gpuModel = gpuModel;
    this.rented = rented;
    this.runnerVersion = runnerVersion;
    this.pricePerUnit = pricePerUnit;
    this.paymentPrice = paymentPrice;
    this.pollOffsetMs = pollOffsetMs;
    this.llmCapacity = llmCapacity;
    this.deliveredEpoch = new int[orgs];
    java.util.Arrays.fill(deliveredEpoch, -1);
    this.everDelivered = new boolean[orgs];
  }

  int liveSlots() {
    return gpuModel == null ? 0 : gpus.size() * gpuModel.liveSlots();
  }

  /** The first GPU with a free live slot, or null. */
  PhysicalGpu freeGpu() {
    if (gpuModel == null) {
      return null;
    }
    for (PhysicalGpu gpu : gpus) {
      if (gpu.activeStreams < gpuModel.liveSlots()) {
        return gpu;
      }
    }
    return null;
  }

  /**
   * Whether the lake can tell which GPU served a session here: the host has exactly one GPU, and a
   * capability report carrying its current UUID reached the org's topic.
   */
  boolean gpuObservable(int orgIndex) {
    return gpus.size() == 1 && deliveredEpoch[orgIndex] == epoch;
  }
}
