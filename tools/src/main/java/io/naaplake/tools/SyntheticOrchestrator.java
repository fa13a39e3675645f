package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One made-up orchestrator of the synthetic network: its on-chain address (payments), hot-wallet
 * address (capability reports write it mixed-case, live events lower-case), service URL and the one
 * GPU it advertises.
 */
record SyntheticOrchestrator(
    String address,
    String localAddress,
    String url,
    String version,
    long pricePerUnit,
    String gpuId,
    GpuHardware gpu,
    String model) {
  SyntheticOrchestrator {
    requireNonNull(address, "address is null");
    requireNonNull(localAddress, "localAddress is null");
    requireNonNull(url, "url is null");
    requireNonNull(version, "version is null");
    requireNonNull(gpuId, "gpuId is null");
    requireNonNull(gpu, "gpu is null");
    requireNonNull(model, "model is null");
  }

  /** The hot-wallet address as live events carry it in {@code orchestrator_info.address}. */
  String liveAddress() {
    return localAddress.toLowerCase(Locale.ROOT);
  }
}
