package io.naaplake.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SyntheticEnvelopesTest {
  private static final Instant START = Instant.parse("2026-01-08T21:49:00Z");
  private static final Pattern UUID_V4 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  private static final int RUN = 20_000;

  private final SyntheticEnvelopes generator =
      new SyntheticEnvelopes(42, START, Duration.ofMillis(10));

  @Test
  void sameSeedGivesTheSameEnvelopes() {
    List<String> first = jsonOf(generator.envelopes(500));
    List<String> again = jsonOf(generator.envelopes(500));
    List<String> sameSeed =
        jsonOf(new SyntheticEnvelopes(42, START, Duration.ofMillis(10)).envelopes(500));
    List<String> otherSeed =
        jsonOf(new SyntheticEnvelopes(43, START, Duration.ofMillis(10)).envelopes(500));

    assertThat(again).isEqualTo(first);
    assertThat(sameSeed).isEqualTo(first);
    assertThat(otherSeed.get(0)).isNotEqualTo(first.get(0));
  }

  @Test
  void everyEnvelopeIsComplete() {
    Set<String> ids = new HashSet<>();
    long previous = START.toEpochMilli();
    for (Envelope envelope : generator.envelopes(RUN)) {
      JsonNode json = envelope.json();
      assertThat(json.get("id").asText()).isEqualTo(envelope.id()).matches(UUID_V4);
      assertThat(json.get("type").asText()).isEqualTo(envelope.type());
      assertThat(json.get("gateway").isTextual()).isTrue();
      assertThat(json.get("data").isContainerNode()).isTrue();
      assertThat(json.get("timestamp").isTextual()).as("epoch ms as a string").isTrue();
      long millis = Long.parseLong(json.get("timestamp").asText());
      assertThat(millis).isGreaterThanOrEqualTo(previous);
      previous = millis;
      assertThat(ids.add(envelope.id())).as("ids are unique").isTrue();
    }
    assertThat(previous - START.toEpochMilli())
        .as("~10 ms apart on average")
        .isBetween(RUN * 9L, RUN * 11L);
  }

  @Test
  void followsTheFamilyMixOfALiveNetwork() {
    Map<String, Integer> counts = new HashMap<>();
    for (Envelope envelope : generator.envelopes(RUN)) {
      counts.merge(envelope.type(), 1, Integer::sum);
    }

    for (SyntheticFamily family : SyntheticFamily.values()) {
      assertThat(100.0 * counts.getOrDefault(family.type(), 0) / RUN)
          .as(family.type())
          .isCloseTo(family.percent(), within(Math.max(0.5, family.percent() * 0.1)));
    }
  }

  @Test
  void spreadsEventsOverManyStreams() {
    Set<String> streams = new HashSet<>();
    for (Envelope envelope : generator.envelopes(RUN)) {
      JsonNode streamId = envelope.json().path("data").path("stream_id");
      if (streamId.isTextual()) {
        streams.add(streamId.asText());
      }
    }

    assertThat(streams).hasSizeGreaterThan(400);
  }

  @Test
  void weighsWhatRealEventsWeigh() {
    Map<String, Double> sample = SampleEvents.averageBytesByType(SampleEvents.envelopes());
    Map<String, Double> synthetic = SampleEvents.averageBytesByType(generator.envelopes(RUN));
    double sampleOrchestrator = averageCapabilityEntryBytes(SampleEvents.envelopes());
    double syntheticOrchestrator = averageCapabilityEntryBytes(generator.envelopes(RUN));

    Map<String, String> table = new TreeMap<>();
    synthetic.forEach(
        (type, bytes) ->
            table.put(
                type,
                String.format(
                    Locale.ROOT,
                    "sample %7.1f  synthetic %7.1f",
                    sample.getOrDefault(type, Double.NaN),
                    bytes)));
    table.put(
        "  per capability entry",
        String.format(
            Locale.ROOT,
            "sample %7.1f  synthetic %7.1f",
            sampleOrchestrator,
            syntheticOrchestrator));
    System.out.println("average envelope bytes (compact JSON):");
    table.forEach((type, line) -> System.out.printf(Locale.ROOT, "  %-24s %s%n", type, line));

    for (String type : sample.keySet()) {
      if (type.equals("network_capabilities")) {
        continue; // the capture's report lists one orchestrator; ours list several, see below
      }
      assertThat(synthetic.get(type))
          .as(type)
          .isCloseTo(sample.get(type), within(sample.get(type) * 0.2));
    }
    assertThat(syntheticOrchestrator)
        .isCloseTo(sampleOrchestrator, within(sampleOrchestrator * 0.2));
    assertThat(synthetic.get("network_capabilities")).isBetween(2_500.0, 8_000.0);
    assertThat(synthetic.get("ai_stream_events")).isBetween(300.0, 900.0);
  }

  @Test
  void generatesLazily() {
    Iterator<Envelope> endless = generator.envelopes(Long.MAX_VALUE).iterator();

    for (int i = 0; i < 1_000; i++) {
      assertThat(endless.next()).isNotNull();
    }
    assertThat(endless.hasNext()).isTrue();
  }

  @Test
  void shiftsLikeRealEvents() {
    List<Envelope> envelopes = new ArrayList<>();
    generator.envelopes(200).forEach(envelopes::add);

    List<Envelope> shifted = TimestampShift.byMillis(60_000).apply(envelopes);

    for (int i = 0; i < envelopes.size(); i++) {
      assertThat(TimestampShift.envelopeMillis(shifted.get(i)))
          .isEqualTo(TimestampShift.envelopeMillis(envelopes.get(i)) + 60_000);
      JsonNode before = envelopes.get(i).json().path("data").path("stats").path("track_stats");
      JsonNode after = shifted.get(i).json().path("data").path("stats").path("track_stats");
      assertThat(after).as("media clocks stay").isEqualTo(before);
    }
  }

  private static double averageCapabilityEntryBytes(Iterable<Envelope> envelopes) {
    long bytes = 0;
    long entries = 0;
    for (Envelope envelope : envelopes) {
      if (envelope.type().equals("network_capabilities")) {
        for (JsonNode entry : envelope.json().get("data")) {
          bytes += JsonSupport.compactBytes(entry).length;
          entries++;
        }
      }
    }
    return (double) bytes / entries;
  }

  private static List<String> jsonOf(Iterable<Envelope> envelopes) {
    List<String> json = new ArrayList<>();
    envelopes.forEach(
        e -> json.add(new String(e.jsonBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    return json;
  }
}
