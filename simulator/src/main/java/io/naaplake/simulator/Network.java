package io.naaplake.simulator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulated network: gateways per org and orchestrators with their hosts and GPUs, generated
 * from the seed. With {@code orchestrators = 0} it keeps adding orchestrators until the live GPUs
 * can hold the configured concurrency at the daily peak with 25 % headroom.
 */
final class Network {
  final List<Gateway> gateways;
  final List<Orchestrator> orchestrators;
  final List<String> orgs;

  /** Live model id to the hosts serving it, in network order. */
  final Map<String, List<Host>> liveHosts;

  /** Batch model id to hosts; LLM model id to hosts; BYOC capability name to hosts. */
  final Map<String, List<Host>> batchHosts;

  final Map<String, List<Host>> llmHosts;
  final Map<String, List<Host>> byocHosts;
  final int liveSlots;

  private Network(List<Gateway> gateways, List<Orchestrator> orchestrators, List<String> orgs) {
    this.gateways = List.copyOf(gateways);
    this.orchestrators = List.copyOf(orchestrators);
    this.orgs = List.copyOf(orgs);
    Map<String, List<Host>> live = new LinkedHashMap<>();
    Map<String, List<Host>> batch = new LinkedHashMap<>();
    Map<String, List<Host>> llm = new LinkedHashMap<>();
    Map<String, List<Host>> byoc = new LinkedHashMap<>();
    int slots = 0;
    for (Orchestrator orchestrator : orchestrators) {
      for (Host host : orchestrator.hosts) {
        switch (orchestrator.kind) {
          case LIVE -> {
            live.computeIfAbsent(host.models.get(0), k -> new ArrayList<>()).add(host);
            slots += host.liveSlots();
          }
          case BATCH -> {
            for (Catalog.BatchModel model : host.batchModels) {
              batch.computeIfAbsent(model.model(), k -> new ArrayList<>()).add(host);
            }
          }
          case LLM -> {
            for (String model : host.models) {
              llm.computeIfAbsent(model, k -> new ArrayList<>()).add(host);
            }
          }
          case BYOC -> {
            for (Catalog.ByocCapability capability : host.byocCapabilities) {
              byoc.computeIfAbsent(capability.name(), k -> new ArrayList<>()).add(host);
            }
          }
        }
      }
    }
    this.liveHosts = Collections.unmodifiableMap(live);
    this.batchHosts = Collections.unmodifiableMap(batch);
    this.llmHosts = Collections.unmodifiableMap(llm);
    this.byocHosts = Collections.unmodifiableMap(byoc);
    this.liveSlots = slots;
  }

  List<Host> allHosts() {
    List<Host> hosts = new ArrayList<>();
    for (Orchestrator orchestrator : orchestrators) {
      hosts.addAll(orchestrator.hosts);
    }
    return hosts;
  }

  static Network generate(SimulationConfig config, SplittableRandom random, long startMillis) {
    List<String> orgs = new ArrayList<>(config.orgTopics().keySet());
    List<Gateway> gateways = gateways(config, random, orgs);
    List<Orchestrator> orchestrators = new ArrayList<>();
    // Auto-sizing: live GPUs for every model's share of the peak concurrency, plus 25 %.
    double peak = config.concurrentStreams() * (1 + config.diurnalAmplitude()) * 1.25;
    double totalWeight = 0;
    for (Catalog.LiveModel model : Catalog.LIVE_MODELS) {
      totalWeight += model.weight();
    }
    int[] targetSlots = new int[Catalog.LIVE_MODELS.size()];
    for (int m = 0; m < targetSlots.length; m++) {
      targetSlots[m] = (int) Math.ceil(peak * Catalog.LIVE_MODELS.get(m).weight() / totalWeight);
    }
    int[] slots = new int[targetSlots.length];
    boolean auto = config.orchestrators() == 0;
    for (int i = 0; ; i++) {
      if (auto ? i >= 8 && covered(slots, targetSlots) : i >= config.orchestrators()) {
        break;
      }
      Orchestrator orchestrator =
          orchestrator(
              config,
              random,
              i,
              orchestrators,
              orgs.size(),
              startMillis,
              auto ? neediest(slots, targetSlots) : -1);
      orchestrators.add(orchestrator);
      if (orchestrator.kind == Orchestrator.Kind.LIVE) {
        for (Host host : orchestrator.hosts) {
          slots[liveModelIndex(host.models.get(0))] += host.liveSlots();
        }
      }
    }
    return new Network(gateways, orchestrators, orgs);
  }

  private static boolean covered(int[] slots, int[] target) {
    for (int m = 0; m < slots.length; m++) {
      if (slots[m] < target[m]) {
        return false;
      }
    }
    return true;
  }

  /** The live model furthest below its target, relative to the target. */
  private static int neediest(int[] slots, int[] target) {
    int best = 0;
    double worst = Double.MAX_VALUE;
    for (int m = 0; m < slots.length; m++) {
      double ratio = target[m] == 0 ? Double.MAX_VALUE / 2 : slots[m] / (double) target[m];
      if (ratio < worst) {
        worst = ratio;
        best = m;
      }
    }
    return best;
  }

  private static int liveModelIndex(String id) {
    for (int m = 0; m < Catalog.LIVE_MODELS.size(); m++) {
      if (Catalog.LIVE_MODELS.get(m).id().equals(id)) {
        return m;
      }
    }
    throw new IllegalStateException("not a live model: " + id);
  }

  /**
   * Two gateways for the first org, one for each other; cloudspe's leave the envelope's gateway
   * empty.
   */
  private static List<Gateway> gateways(
      SimulationConfig config, SplittableRandom random, List<String> orgs) {
    List<Gateway> gateways = new ArrayList<>();
    for (int o = 0; o < orgs.size(); o++) {
      String org = orgs.get(o);
      int count = o == 0 ? 2 : 1;
      double orgShare = o == 0 ? 0.7 : 0.3 / Math.max(1, orgs.size() - 1);
      if (orgs.size() == 1) {
        orgShare = 1;
      }
      for (int g = 0; g < count; g++) {
        gateways.add(
            new Gateway(
                gateways.size(),
                o,
                org,
                config.orgTopics().get(org),
                Ids.checksumAddress(random),
                "cloudspe".equals(org),
                orgShare / count));
      }
    }
    return gateways;
  }

  private static Orchestrator orchestrator(
      SimulationConfig config,
      SplittableRandom random,
      int index,
      List<Orchestrator> previous,
      int orgs,
      long startMillis,
      int liveModel) {
    Orchestrator.Kind kind =
        switch (index) {
          case 0 -> Orchestrator.Kind.LIVE;
          case 1 -> Orchestrator.Kind.BATCH;
          case 2 -> Orchestrator.Kind.LLM;
          case 3 -> Orchestrator.Kind.BYOC;
          default ->
              Orchestrator.Kind.values()[Catalog.weighted(random, new double[] {70, 14, 8, 8})];
        };
    String address = Ids.checksumAddress(random);
    double roll = random.nextDouble();
    String localAddress;
    if (roll < 0.08 && !previous.isEmpty()) {
      localAddress = previous.get(previous.size() - 1).localAddress; // one operator, two addresses
    } else if (roll < 0.5) {
      localAddress = address;
    } else {
      localAddress = Ids.checksumAddress(random);
    }
    double reliability = Math.exp(0.6 * random.nextGaussian() - 0.18);
    FailureRates override = config.orchestratorFailureRates().get(index);
    FailureRates rates = override != null ? override : config.failureRates().scaled(reliability);
    BigInteger faceValue =
        BigInteger.valueOf(2_000 + random.nextInt(1_000)).multiply(BigInteger.TEN.pow(12));
    long winProbUnits = (900_000L + random.nextInt(200_000)) * 10;
    Orchestrator orchestrator =
        new Orchestrator(
            index,
            kind,
            address,
            localAddress,
            Catalog.pick(random, Catalog.NODE_VERSIONS),
            random.nextDouble() < 0.6,
            random.nextDouble() < 0.1,
            random.nextDouble() < 0.7,
            kind == Orchestrator.Kind.LLM ? random.nextBoolean() : kind == Orchestrator.Kind.BYOC,
            Orchestrator.ModelEntryShape.values()[
                Catalog.weighted(random, new double[] {50, 25, 15, 10})],
            rates,
            reliability,
            override != null,
            faceValue,
            winProbUnits);
    int hostCount =
        kind == Orchestrator.Kind.LIVE
            ? new int[] {1, 1, 1, 1, 1, 1, 1, 2, 2, 3}[random.nextInt(10)]
            : 1;
    for (int h = 0; h < hostCount; h++) {
      orchestrator.hosts.add(host(random, orchestrator, h, rates, orgs, startMillis, liveModel));
    }
    return orchestrator;
  }

  private static Host host(
      SplittableRandom random,
      Orchestrator orchestrator,
      int index,
      FailureRates rates,
      int orgs,
      long startMillis,
      int liveModel) {
    boolean rented = random.nextDouble() < rates.rentedHostShare();
    String uri = Catalog.orchestratorUri(random, rented || random.nextDouble() < 0.3, index);
    GpuModel gpuModel = null;
    int gpuCount = 0;
    long price = 0;
    int llmCapacity = 0;
    switch (orchestrator.kind) {
      case LIVE -> {
        gpuModel = GpuModel.LIVE[Catalog.weighted(random, GpuModel.LIVE_WEIGHTS)];
        gpuCount = new int[] {1, 1, 1, 1, 1, 2, 2, 2, 4, 8}[random.nextInt(10)];
        price = 1_550 + random.nextInt(150);
      }
      case BATCH -> {
        gpuModel = GpuModel.BATCH[Catalog.weighted(random, GpuModel.BATCH_WEIGHTS)];
        gpuCount = 1 + random.nextInt(2);
      }
      case LLM -> llmCapacity = 20_000 + random.nextInt(60_000);
      case BYOC -> {
        // hardware-less: BYOC workers report no GPUs
      }
    }
    String paymentPrice =
        String.format(
            Locale.ROOT,
            "%d.%03d wei/pixel",
            price + price * random.nextInt(30) / 1_000,
            random.nextInt(1_000));
    Host host =
        new Host(
            orchestrator,
            index,
            uri,
            gpuModel,
            rented,
            Catalog.pick(random, Catalog.RUNNER_VERSIONS),
            price,
            paymentPrice,
            random.nextInt(20_000),
            llmCapacity,
            orgs);
    for (int g = 0; g < gpuCount; g++) {
      host.gpus.add(
          new PhysicalGpu(host.hostId + "-g" + g, host, g, Ids.gpuUuid(random), startMillis));
    }
    switch (orchestrator.kind) {
      case LIVE -> {
        double[] weights = new double[Catalog.LIVE_MODELS.size()];
        for (int i = 0; i < weights.length; i++) {
          weights[i] = Catalog.LIVE_MODELS.get(i).weight();
        }
        int m = Catalog.weighted(random, weights);
        host.models.add(Catalog.LIVE_MODELS.get(liveModel >= 0 ? liveModel : m).id());
      }
      case BATCH -> {
        int count = 1 + random.nextInt(3);
        List<Catalog.BatchModel> all = new ArrayList<>(Catalog.BATCH_MODELS);
        for (int i = 0; i < count; i++) {
          Catalog.BatchModel model = all.remove(random.nextInt(all.size()));
          host.batchModels.add(model);
          host.models.add(model.model());
        }
      }
      case LLM -> {
        host.models.add(Catalog.LLM_MODELS.get(0));
        if (random.nextBoolean()) {
          host.models.add(
              Catalog.LLM_MODELS.get(1 + random.nextInt(Catalog.LLM_MODELS.size() - 1)));
        }
      }
      case BYOC -> {
        List<Catalog.ByocCapability> all = new ArrayList<>(Catalog.BYOC_CAPABILITIES);
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
          Catalog.ByocCapability capability = all.remove(random.nextInt(all.size()));
          host.byocCapabilities.add(capability);
          host.models.add(capability.name());
        }
      }
    }
    return host;
  }
}
