package io.naaplake.schema.events;

import static io.naaplake.schema.events.EventRouting.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventRoutingTest {

  @Test
  void everyFamilyIsAcceptedIncludingSignedTickets() {
    for (EventFamily family : EventFamily.values()) {
      String subtype =
          family.acceptedSubtypes().map(set -> set.iterator().next()).orElse("anything");
      assertThat(classify(family.wireName(), subtype, null))
          .as(family.wireName())
          .isEqualTo(EventRoute.ACCEPTED);
    }
    assertThat(classify("create_signed_ticket", null, null)).isEqualTo(EventRoute.ACCEPTED);
  }

  @Test
  void familiesOutsideTheContractAreUnsupported() {
    assertThat(classify("pipelines_api_request", null, null))
        .isEqualTo(EventRoute.UNSUPPORTED_EVENT_FAMILY);
    assertThat(classify("webrtc_stats", null, null)).isEqualTo(EventRoute.UNSUPPORTED_EVENT_FAMILY);
    assertThat(classify(null, null, null)).isEqualTo(EventRoute.UNSUPPORTED_EVENT_FAMILY);
    assertThat(classify("", "gateway_receive_stream_request", null))
        .isEqualTo(EventRoute.UNSUPPORTED_EVENT_FAMILY);
  }

  @Test
  void appTracesAreIgnoredWhateverTheirCase() {
    assertThat(classify("stream_trace", "app_send_stream_request", null))
        .isEqualTo(EventRoute.IGNORED_STREAM_TRACE_NON_CORE_APP);
    assertThat(classify("stream_trace", "App_Send_Stream_Request", null))
        .isEqualTo(EventRoute.IGNORED_STREAM_TRACE_NON_CORE_APP);
  }

  @Test
  void appRuleComesBeforeScopeRule() {
    assertThat(classify("stream_trace", "app_stream_heartbeat", "scope"))
        .isEqualTo(EventRoute.IGNORED_STREAM_TRACE_NON_CORE_APP);
  }

  @Test
  void scopeLifecycleChatterIsIgnored() {
    for (String subtype : EventRouting.SCOPE_CLIENT_NOISE_SUBTYPES) {
      assertThat(classify("stream_trace", subtype, "scope"))
          .as(subtype)
          .isEqualTo(EventRoute.IGNORED_STREAM_TRACE_SCOPE_CLIENT_NOISE);
    }
  }

  @Test
  void scopeSubtypesFromOtherClientsAreUnsupportedTraces() {
    assertThat(classify("stream_trace", "stream_heartbeat", null))
        .isEqualTo(EventRoute.UNSUPPORTED_STREAM_TRACE_TYPE);
    assertThat(classify("stream_trace", "stream_stopped", "daydream"))
        .isEqualTo(EventRoute.UNSUPPORTED_STREAM_TRACE_TYPE);
  }

  @Test
  void acceptedTraceSubtypesFromScopeAreAccepted() {
    assertThat(classify("stream_trace", "gateway_receive_stream_request", "scope"))
        .isEqualTo(EventRoute.ACCEPTED);
  }

  @Test
  void otherOrMissingTraceSubtypesAreUnsupported() {
    assertThat(classify("stream_trace", "runner_receive_stream_request", null))
        .isEqualTo(EventRoute.UNSUPPORTED_STREAM_TRACE_TYPE);
    assertThat(classify("stream_trace", "stream_orchestrator_token_refresh", null))
        .isEqualTo(EventRoute.UNSUPPORTED_STREAM_TRACE_TYPE);
    assertThat(classify("stream_trace", null, null))
        .isEqualTo(EventRoute.UNSUPPORTED_STREAM_TRACE_TYPE);
  }

  @Test
  void traceRulesDoNotApplyToOtherFamilies() {
    assertThat(classify("ai_stream_events", "app_something", "scope"))
        .isEqualTo(EventRoute.ACCEPTED);
    assertThat(classify("ai_stream_events", "error", "scope")).isEqualTo(EventRoute.ACCEPTED);
  }

  @Test
  void ignoreReasonsAreTheReferenceStrings() {
    assertThat(EventRoute.ACCEPTED.ignoreReason()).isEmpty();
    assertThat(EventRoute.UNSUPPORTED_EVENT_FAMILY.ignoreReason())
        .contains("unsupported_event_family");
    assertThat(EventRoute.IGNORED_STREAM_TRACE_NON_CORE_APP.ignoreReason())
        .contains("ignored_stream_trace_non_core_app");
    assertThat(EventRoute.IGNORED_STREAM_TRACE_SCOPE_CLIENT_NOISE.ignoreReason())
        .contains("ignored_stream_trace_scope_client_noise");
    assertThat(EventRoute.UNSUPPORTED_STREAM_TRACE_TYPE.ignoreReason())
        .contains("unsupported_stream_trace_type");
    assertThat(EventRoute.MALFORMED_OR_INVALID_PAYLOAD.ignoreReason())
        .contains("malformed_or_invalid_payload");
  }

  @Test
  void scopeNoiseListIsTheReferenceList() {
    assertThat(EventRouting.SCOPE_CLIENT_NOISE_SUBTYPES)
        .containsExactly(
            "stream_heartbeat",
            "pipeline_load_start",
            "pipeline_loaded",
            "session_created",
            "stream_started",
            "playback_ready",
            "session_closed",
            "stream_stopped",
            "pipeline_unloaded",
            "websocket_connected",
            "websocket_disconnected",
            "error");
  }
}
