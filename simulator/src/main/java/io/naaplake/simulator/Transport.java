package io.naaplake.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonGenerator;
import io.naaplake.schema.events.EventRoute;
import io.naaplake.schema.events.EventRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The road from the simulated gateways to Kafka: decides each event's fate (delivered, dropped,
 * duplicated, held back seconds or hours), injects noise (malformed messages, unknown families,
 * ignored traces), hands messages to the sink in delivery order and records each delivery in the
 * truth.
 *
 * <p>Held-back events wait in a priority queue ordered by due time; the simulator releases them
 * when simulated time reaches it, so a held event is delivered after events generated later, with
 * its original timestamps. Only held events are kept in memory. Fault decisions use their own
 * random stream and noise another, so turning faults on or off never changes the network or the
 * workload.
 */
final class Transport {
  private static final HexFormat HEX = HexFormat.of();

  /** What a session passes so noise can name its stream (null for events of no session). */
  record NoiseContext(String streamId, String requestId) {}

  private record Held(long due, long seq, String topic, byte[] key, byte[] value, Meta meta) {}

  /** What the truth says about one delivery. */
  private record Meta(
      String id,
      String type,
      String subtype,
      long eventTime,
      String quarantineReason,
      String route,
      String fault,
      int copy,
      long delayMs) {
    Meta withCopy(int copy, long delayMs) {
      return new Meta(id, type, subtype, eventTime, quarantineReason, route, fault, copy, delayMs);
    }
  }

  private final TransportFaults faults;
  private final SplittableRandom faultRandom;
  private final SplittableRandom noiseRandom;
  private final MessageSink sink;
  private final TruthSink truth;
  private final boolean truthMessages;
  private final String malformedKeyPrefix;
  private final EnvelopeWriter noiseWriter = new EnvelopeWriter();
  private final PriorityQueue<Held> held =
      new PriorityQueue<>(
          (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private final MessageDigest sha256;
  private long heldSeq;

  long eventsGenerated;
  long delivered;
  long dropped;
  long duplicated;
  long reordered;
  long late;
  long malformed;
  long noise;
  final TreeMap<String, Long> byFamily = new TreeMap<>();
  final TreeMap<String, Long> byTopic = new TreeMap<>();

  Transport(
      TransportFaults faults,
      SplittableRandom faultRandom,
      SplittableRandom noiseRandom,
      MessageSink sink,
      TruthSink truth,
      String malformedKeyPrefix) {
    this.faults = faults;
    this.faultRandom = faultRandom;
    this.noiseRandom = noiseRandom;
    this.sink = sink;
    this.truth = truth;
    this.truthMessages = truth.wants(TruthFile.MESSAGES);
    this.malformedKeyPrefix = malformedKeyPrefix;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /**
   * Sends one generated envelope at simulated time {@code now} and returns how many copies will be
   * delivered: 0 (dropped), 1 or 2 (duplicated). Noise may follow it.
   */
  int send(
      Gateway gateway,
      String id,
      String type,
      String subtype,
      String clientSource,
      long eventTime,
      long now,
      byte[] value,
      NoiseContext context) {
    eventsGenerated++;
    String route = route(type, subtype, clientSource);
    byte[] key = id.getBytes(UTF_8);
    double roll = faultRandom.nextDouble();
    int copies;
    if (roll < faults.dropRate()) {
      dropped++;
      copies = 0;
    } else if ((roll -= faults.dropRate()) < faults.duplicateRate()) {
      duplicated++;
      Meta meta = new Meta(id, type, subtype, eventTime, null, route, "duplicate", 1, 0);
      deliver(gateway.topic, key, value, meta);
      long retryDelay = faultRandom.nextBoolean() ? 0 : 100 + faultRandom.nextInt(5_000);
      if (retryDelay == 0) {
        deliver(gateway.topic, key, value, meta.withCopy(2, 0));
      } else {
        hold(now + retryDelay, gateway.topic, key, value, meta.withCopy(2, retryDelay));
      }
      copies = 2;
    } else if ((roll -= faults.duplicateRate()) < faults.reorderRate()) {
      reordered++;
      long delay = 500 + faultRandom.nextInt(29_500);
      hold(
          now + delay,
          gateway.topic,
          key,
          value,
          new Meta(id, type, subtype, eventTime, null, route, "reorder", 1, delay));
      copies = 1;
    } else if ((roll -= faults.reorderRate()) < faults.lateRate()) {
      late++;
      double lo = Math.log(faults.lateMin().toMillis());
      double hi = Math.log(faults.lateMax().toMillis());
      long delay = Math.round(Math.exp(lo + faultRandom.nextDouble() * (hi - lo)));
      hold(
          now + delay,
          gateway.topic,
          key,
          value,
          new Meta(id, type, subtype, eventTime, null, route, "late", 1, delay));
      copies = 1;
    } else {
      deliver(
          gateway.topic,
          key,
          value,
          new Meta(id, type, subtype, eventTime, null, route, "none", 1, 0));
      copies = 1;
    }
    injectNoise(gateway, now, value, context);
    return copies;
  }

  private static String route(String type, String subtype, String clientSource) {
    EventRoute route = EventRouting.classify(type, subtype, clientSource);
    return route.ignoreReason().orElse("accepted");
  }

  private void hold(long due, String topic, byte[] key, byte[] value, Meta meta) {
    held.add(new Held(due, heldSeq++, topic, key, value, meta));
  }

  /** Due time of the next held message, or {@link Long#MAX_VALUE}. */
  long nextDue() {
    Held next = held.peek();
    return next == null ? Long.MAX_VALUE : next.due;
  }

  /** Delivers every held message due at or before {@code now}. */
  void releaseDue(long now) {
    while (!held.isEmpty() && held.peek().due <= now) {
      Held next = held.poll();
      deliver(next.topic, next.key, next.value, next.meta);
    }
  }

  /** At the end of a run: delivers every held message, in due order. */
  void flushAll() {
    releaseDue(Long.MAX_VALUE);
  }

  int heldCount() {
    return held.size();
  }

  private void deliver(String topic, byte[] key, byte[] value, Meta meta) {
    sink.deliver(topic, key, value);
    delivered++;
    byFamily.merge(meta.quarantineReason != null ? "(malformed)" : meta.type, 1L, Long::sum);
    byTopic.merge(topic, 1L, Long::sum);
    if (truthMessages) {
      truth.message(
          new DeliveredMessage(
              delivered - 1,
              topic,
              new String(key, UTF_8),
              meta.id,
              meta.type,
              meta.subtype,
              meta.eventTime == Long.MIN_VALUE ? null : meta.eventTime,
              meta.quarantineReason,
              meta.route,
              meta.fault,
              meta.copy,
              meta.delayMs,
              value.length,
              HEX.formatHex(sha256.digest(value))));
    }
  }

  // --- noise -------------------------------------------------------------------------------------

  private static final List<String> APP_TRACES =
      List.of("app_send_stream_request", "app_receive_first_segment", "app_user_page_load");
  private static final List<String> SCOPE_TRACES =
      List.of(
          "stream_heartbeat",
          "pipeline_loaded",
          "session_created",
          "playback_ready",
          "websocket_connected");
  private static final List<String> UNSUPPORTED_TRACES =
      List.of(
          "runner_receive_stream_request", "stream_stopped", "stream_orchestrator_token_refresh");

  private void injectNoise(Gateway gateway, long now, byte[] value, NoiseContext context) {
    if (faults.malformedRate() > 0 && noiseRandom.nextDouble() < faults.malformedRate()) {
      malformed(gateway, now, value);
    }
    if (faults.unknownFamilyRate() > 0 && noiseRandom.nextDouble() < faults.unknownFamilyRate()) {
      unknownFamily(gateway, now, context);
    }
    if (context != null
        && faults.ignoredTraceRate() > 0
        && noiseRandom.nextDouble() < faults.ignoredTraceRate()) {
      ignoredTrace(gateway, now, context);
    }
  }

  private void malformed(Gateway gateway, long now, byte[] lastValue) {
    malformed++;
    String key = malformedKeyPrefix + Ids.uuid4(noiseRandom);
    String id = Ids.uuid4(noiseRandom);
    String body;
    String reason;
    String envelopeId = null;
    String envelopeType = null;
    String ts = Long.toString(now);
    switch (noiseRandom.nextInt(6)) {
      case 0 -> {
        reason = "not_json";
        body = "kafka-ui test message " + noiseRandom.nextInt(10_000);
      }
      case 1 -> {
        reason = "not_json"; // a truncated envelope: never closes its object
        int cut = 10 + noiseRandom.nextInt(Math.max(1, lastValue.length - 11));
        body = new String(lastValue, 0, Math.min(cut, lastValue.length - 1), UTF_8);
      }
      case 2 -> {
        reason = "not_an_object";
        body = "[" + new String(lastValue, UTF_8) + "]";
      }
      case 3 -> {
        reason = "missing_id";
        envelopeType = "stream_trace";
        String idField =
            switch (noiseRandom.nextInt(3)) {
              case 0 -> "";
              case 1 -> "\"id\":\"\",";
              default -> "\"id\":" + noiseRandom.nextInt(1_000_000) + ",";
            };
        body =
            "{"
                + idField
                + "\"type\":\"stream_trace\",\"timestamp\":\""
                + ts
                + "\",\"gateway\":\"\",\"data\":{\"type\":\"gateway_receive_stream_request\"}}";
      }
      default -> {
        reason = "missing_type";
        envelopeId = id;
        String typeField = noiseRandom.nextBoolean() ? "" : "\"type\":\"\",";
        body =
            "{\"id\":\""
                + id
                + "\","
                + typeField
                + "\"timestamp\":\""
                + ts
                + "\",\"gateway\":\"\",\"data\":{}}";
      }
    }
    deliver(
        gateway.topic,
        key.getBytes(UTF_8),
        body.getBytes(UTF_8),
        new Meta(envelopeId, envelopeType, null, Long.MIN_VALUE, reason, null, "malformed", 1, 0));
  }

  private void unknownFamily(Gateway gateway, long now, NoiseContext context) {
    noise++;
    String id = Ids.uuid4(noiseRandom);
    boolean webrtc = context != null && noiseRandom.nextBoolean();
    String type = webrtc ? "webrtc_stats" : "pipelines_api_request";
    try {
      JsonGenerator g = noiseWriter.begin(id, type, now, gateway.envelopeGateway);
      g.writeStartObject();
      if (webrtc) {
        g.writeStringField("stream_id", context.streamId());
        g.writeStringField("request_id", context.requestId());
        g.writeNumberField("timestamp", now);
        g.writeObjectFieldStart("stats");
        g.writeNumberField("bitrate_kbps", 900 + noiseRandom.nextInt(1_600));
        g.writeNumberField("fps", 20 + noiseRandom.nextInt(11));
        g.writeNumberField("rtt_ms", 15 + noiseRandom.nextInt(120));
        g.writeEndObject();
      } else {
        g.writeStringField("method", noiseRandom.nextBoolean() ? "GET" : "POST");
        g.writeStringField(
            "path", Catalog.pick(noiseRandom, List.of("/v1/pipelines", "/v1/streams", "/health")));
        g.writeNumberField("status", noiseRandom.nextInt(20) == 0 ? 500 : 200);
        g.writeNumberField("duration_ms", 3 + noiseRandom.nextInt(400));
        g.writeNumberField("timestamp", now);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] value = noiseWriter.finish();
    deliver(
        gateway.topic,
        id.getBytes(UTF_8),
        value,
        new Meta(id, type, null, now, null, route(type, null, null), "unknown_family", 1, 0));
  }

  private void ignoredTrace(Gateway gateway, long now, NoiseContext context) {
    noise++;
    String id = Ids.uuid4(noiseRandom);
    int kind = noiseRandom.nextInt(3);
    String subtype =
        switch (kind) {
          case 0 -> Catalog.pick(noiseRandom, APP_TRACES);
          case 1 -> Catalog.pick(noiseRandom, SCOPE_TRACES);
          default -> Catalog.pick(noiseRandom, UNSUPPORTED_TRACES);
        };
    String clientSource = kind == 1 ? "scope" : null;
    try {
      JsonGenerator g = noiseWriter.begin(id, "stream_trace", now, gateway.envelopeGateway);
      g.writeStartObject();
      if (clientSource != null) {
        g.writeStringField("client_source", clientSource);
      }
      EnvelopeWriter.orchestratorInfo(g, "", "");
      g.writeStringField("pipeline_id", "");
      g.writeStringField("request_id", context.requestId());
      g.writeStringField("stream_id", context.streamId());
      g.writeNumberField("timestamp", now);
      g.writeStringField("type", subtype);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] value = noiseWriter.finish();
    deliver(
        gateway.topic,
        id.getBytes(UTF_8),
        value,
        new Meta(
            id,
            "stream_trace",
            subtype,
            now,
            null,
            route("stream_trace", subtype, clientSource),
            "ignored_trace",
            1,
            0));
  }
}
