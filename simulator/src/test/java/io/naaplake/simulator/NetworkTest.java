package io.naaplake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetworkTest {

  private static Network network(SimulationConfig config) {
    return Network.generate(config, new SplittableRandom(config.seed()), 0);
  }

  @Test
  void autoSizingGivesEveryLiveModelItsPeakCapacity() {
    SimulationConfig config = SimulationConfig.builder().concurrentStreams(1_000).build();
    Network network = network(config);
    double peak = 1_000 * 1.3 * 1.25;
    for (Catalog.LiveModel model : Catalog.LIVE_MODELS) {
      int slots = network.liveHosts.get(model.id()).stream().mapToInt(Host::liveSlots).sum();
      assertThat(slots).isGreaterThanOrEqualTo((int) (peak * model.weight() / 100));
    }
    assertThat(network.orchestrators.size()).isBetween(200, 1_000);
  }

  @Test
  void theNetworkLooksLikeTheRealOne() {
    Network network = network(SimulationConfig.builder().orchestrators(120).build());
    assertThat(network.orchestrators).hasSize(120);
    EnumSet<Orchestrator.Kind> kinds = EnumSet.noneOf(Orchestrator.Kind.class);
    int multiGpu = 0;
    int multiHost = 0;
    int rented = 0;
    int sharedLocal = 0;
    int sameLocal = 0;
    for (int i = 0; i < network.orchestrators.size(); i++) {
      Orchestrator o = network.orchestrators.get(i);
      kinds.add(o.kind);
      assertThat(Ids.checksum(o.address.substring(2))).isEqualTo(o.address);
      assertThat(Ids.checksum(o.localAddress.substring(2))).isEqualTo(o.localAddress);
      sameLocal += o.address.equals(o.localAddress) ? 1 : 0;
      if (i > 0 && o.localAddress.equals(network.orchestrators.get(i - 1).localAddress)) {
        sharedLocal++;
      }
      multiHost += o.hosts.size() > 1 ? 1 : 0;
      for (Host host : o.hosts) {
        assertThat(host.uri).matches("https://[a-z0-9.-]+:\\d+");
        rented += host.rented ? 1 : 0;
        if (host.gpus.size() > 1) {
          multiGpu++;
        }
        if (o.kind == Orchestrator.Kind.LLM || o.kind == Orchestrator.Kind.BYOC) {
          assertThat(host.gpus).isEmpty();
        } else {
          assertThat(host.gpus).isNotEmpty();
        }
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder(Orchestrator.Kind.values());
    assertThat(multiGpu).isPositive();
    assertThat(multiHost).isPositive();
    assertThat(rented).isPositive();
    assertThat(sharedLocal).isPositive();
    assertThat(sameLocal).isPositive();
    assertThat(network.gateways)
        .extracting(g -> g.org)
        .containsExactly("daydream", "daydream", "cloudspe");
    assertThat(network.gateways.get(2).envelopeGateway).isEmpty();
  }

  @Test
  void orchestratorTruthListsEveryHost() {
    Recording r =
        Recording.run(Recording.small().duration(java.time.Duration.ofMinutes(1)).build());
    List<ObjectNode> hosts = r.truth(TruthFile.ORCHESTRATORS);
    assertThat(hosts).isNotEmpty();
    assertThat(hosts).allSatisfy(h -> assertThat(h.get("uri").asText()).startsWith("https://"));
    assertThat(r.truth(TruthFile.GPUS)).isNotEmpty();
  }
}
