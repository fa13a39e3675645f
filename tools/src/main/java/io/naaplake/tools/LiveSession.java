package io.naaplake.tools;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One live-video-to-video session of the synthetic network, with the running state its events
 * report: which startup milestones were traced, bytes and packets received so far, when status was
 * last sent. Mutable on purpose: it lives only inside one generator iteration, which advances it
 * event by event.
 */
final class LiveSession {
  /** The startup milestones in the order a healthy session emits them, then the close. */
  static final List<String> TRACE_STEPS =
      List.of(
          "gateway_receive_stream_request",
          "gateway_send_first_ingest_segment",
          "runner_receive_first_ingest_segment",
          "runner_send_first_processed_segment",
          "gateway_receive_first_processed_segment",
          "gateway_receive_few_processed_segments",
          "gateway_ingest_stream_closed");

  final String streamId;
  final String requestId;
  final String sessionId;
  final String manifestId;
  final String paymentManifestId;
  final String senderWallet;
  final String gateway;
  final SyntheticOrchestrator orchestrator;
  final long startMillis;
  final String paramsHash;
  final int frameSize;
  int traceStep;
  long bytesReceived;
  long bytesSent;
  long videoPackets;
  long audioPackets;
  long lastStatusMillis;
  long lastStateUpdateMillis;
  int restartCount;
  int paymentsSent;

  LiveSession(SplittableRandom random, SyntheticRoster roster, long startMillis) {
    requireNonNull(random, "random is null");
    requireNonNull(roster, "roster is null");
    this.streamId = "stream-" + RandomText.base36(random, 6) + "-" + RandomText.base36(random, 8);
    this.requestId = RandomText.hex(random, 8);
    this.sessionId = RandomText.hex(random, 8);
    this.senderWallet = RandomText.pick(random, roster.gatewayWallets());
    // The cloudspe capture has an empty gateway; newer gateways send their wallet address.
    this.gateway = random.nextInt(3) == 0 ? senderWallet : "";
    this.orchestrator = RandomText.pick(random, roster.orchestrators());
    this.manifestId = "35_" + orchestrator.model();
    this.paymentManifestId = RandomText.hex(random, 8);
    this.startMillis = startMillis;
    this.paramsHash = RandomText.hex(random, 32);
    this.frameSize = random.nextInt(4) == 0 ? 704 : 512;
    this.lastStatusMillis = startMillis;
    this.lastStateUpdateMillis = startMillis;
  }

  /** Whether the close milestone has been traced; the generator then starts a new session. */
  boolean isClosed() {
    return traceStep >= TRACE_STEPS.size();
  }

  /** Whether the orchestrator has been selected, i.e. traces carry its address and URL. */
  boolean hasOrchestrator() {
    return traceStep > 1;
  }
}
