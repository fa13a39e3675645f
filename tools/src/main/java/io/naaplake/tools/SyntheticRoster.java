package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The fixed cast of a synthetic network: orchestrators, gateway wallets and live models. Drawn once
 * from the seed, so every event of a run refers to the same few dozen orchestrators, as on the real
 * network.
 */
record SyntheticRoster(
    List<SyntheticOrchestrator> orchestrators, List<String> gatewayWallets, List<String> models) {
  /** The five models the ingest benchmark's generator draws from (sizes measured against them). */
  private static final GpuHardware[] BENCHMARK_GPUS = {
    GpuHardware.RTX_5090,
    GpuHardware.RTX_4090,
    GpuHardware.RTX_3090,
    GpuHardware.L40S,
    GpuHardware.RTX_A6000
  };

  private static final int ORCHESTRATORS = 40;
  private static final List<String> LIVE_MODELS =
      List.of(
          "streamdiffusion-sdxl-faceid",
          "streamdiffusion-sdxl",
          "streamdiffusion",
          "comfyui",
          "noop");
  private static final List<String> DOMAINS =
      List.of("xodeapp.xyz", "livepeer-ai.net", "gpu-fleet.io", "orchestrate.cloud", "vidai.dev");
  private static final List<Integer> PORTS = List.of(8935, 28935, 9955, 18935);
  private static final List<String> VERSIONS =
      List.of("0.8.8-3a5678ec-dirty", "0.8.10", "0.8.9", "0.8.8");

  SyntheticRoster {
    orchestrators = List.copyOf(orchestrators);
    gatewayWallets = List.copyOf(gatewayWallets);
    models = List.copyOf(models);
  }

  static SyntheticRoster draw(SplittableRandom random) {
    requireNonNull(random, "random is null");
    List<SyntheticOrchestrator> orchestrators = new ArrayList<>();
    GpuHardware[] gpus = BENCHMARK_GPUS;
    for (int i = 0; i < ORCHESTRATORS; i++) {
      String host =
          String.format(
              Locale.ROOT,
              "%s-orch%d.%s",
              RandomText.base36(random, 4),
              1 + random.nextInt(9),
              RandomText.pick(random, DOMAINS));
      orchestrators.add(
          new SyntheticOrchestrator(
              RandomText.mixedCaseAddress(random),
              RandomText.mixedCaseAddress(random),
              "https://" + host + ":" + RandomText.pick(random, PORTS),
              RandomText.pick(random, VERSIONS),
              1_200 + random.nextInt(800),
              RandomText.gpuUuid(random),
              gpus[random.nextInt(gpus.length)],
              RandomText.pick(random, LIVE_MODELS)));
    }
    List<String> gatewayWallets =
        List.of(RandomText.mixedCaseAddress(random), RandomText.mixedCaseAddress(random));
    return new SyntheticRoster(orchestrators, gatewayWallets, LIVE_MODELS);
  }
}
