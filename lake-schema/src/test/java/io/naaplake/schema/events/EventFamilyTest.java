package io.naaplake.schema.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventFamilyTest {

  @Test
  void wireNamesAreTheLowerCaseConstantNames() {
    for (EventFamily family : EventFamily.values()) {
      assertThat(family.wireName()).isEqualTo(family.name().toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void everyFamilyIsFoundByItsWireName() {
    for (EventFamily family : EventFamily.values()) {
      assertThat(EventFamily.fromWireName(family.wireName())).contains(family);
    }
  }

  @Test
  void unknownMissingAndMiscasedWireNamesAreNoFamily() {
    assertThat(EventFamily.fromWireName("pipelines_api_request")).isEmpty();
    assertThat(EventFamily.fromWireName("webrtc_stats")).isEmpty();
    assertThat(EventFamily.fromWireName("STREAM_TRACE")).isEmpty();
    assertThat(EventFamily.fromWireName("")).isEmpty();
    assertThat(EventFamily.fromWireName(null)).isEmpty();
  }

  @Test
  void theFourteenReferenceFamiliesAndSignedTicketsAreDeclared() {
    assertThat(wireNames(Set.of(EventFamily.values())))
        .containsExactlyInAnyOrder(
            "stream_trace",
            "ai_stream_status",
            "ai_stream_events",
            "stream_ingest_metrics",
            "network_capabilities",
            "discovery_results",
            "create_new_payment",
            "ai_batch_request",
            "ai_llm_request",
            "job_gateway",
            "job_orchestrator",
            "job_auth",
            "job_payment",
            "worker_lifecycle",
            "create_signed_ticket");
  }

  @Test
  void onlyCapabilitiesAndDiscoveryCarryArrays() {
    Set<EventFamily> arrays =
        Arrays.stream(EventFamily.values())
            .filter(family -> family.dataShape() == DataShape.ARRAY)
            .collect(Collectors.toSet());
    assertThat(wireNames(arrays))
        .containsExactlyInAnyOrder("network_capabilities", "discovery_results");
  }

  @Test
  void subtypesAreExtractedForTheReferenceFamilies() {
    Set<EventFamily> withSubtype =
        Arrays.stream(EventFamily.values())
            .filter(EventFamily::hasSubtype)
            .collect(Collectors.toSet());
    assertThat(wireNames(withSubtype))
        .containsExactlyInAnyOrder(
            "stream_trace",
            "ai_stream_status",
            "ai_stream_events",
            "ai_batch_request",
            "ai_llm_request",
            "job_gateway",
            "job_payment",
            "job_orchestrator",
            "job_auth",
            "worker_lifecycle");
  }

  @Test
  void onlyStreamTraceRestrictsSubtypes() {
    assertThat(EventFamily.STREAM_TRACE.acceptedSubtypes().orElseThrow())
        .containsExactly(
            "gateway_receive_stream_request",
            "gateway_ingest_stream_closed",
            "gateway_send_first_ingest_segment",
            "gateway_receive_first_processed_segment",
            "gateway_receive_few_processed_segments",
            "gateway_receive_first_data_segment",
            "gateway_no_orchestrators_available",
            "orchestrator_swap",
            "runner_receive_first_ingest_segment",
            "runner_send_first_processed_segment");
    for (EventFamily family : EventFamily.values()) {
      if (family != EventFamily.STREAM_TRACE) {
        assertThat(family.acceptedSubtypes()).as(family.wireName()).isEmpty();
      }
    }
  }

  private static Set<String> wireNames(Set<EventFamily> families) {
    return families.stream().map(EventFamily::wireName).collect(Collectors.toSet());
  }
}
