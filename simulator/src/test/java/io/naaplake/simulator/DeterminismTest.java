package io.naaplake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
  @TempDir Path dir;

  private static SimulationConfig config(long seed) {
    return Recording.small()
        .seed(seed)
        .transportFaults(Recording.allFaults())
        .failureRates(Recording.allFailures())
        .build();
  }

  @Test
  void sameSeedGivesByteIdenticalStreamsAndTruthFiles() throws IOException {
    Map<String, String> first = runToFiles(config(42), dir.resolve("first"));
    Map<String, String> second = runToFiles(config(42), dir.resolve("second"));

    assertThat(first)
        .containsKeys(
            "out/network_events.jsonl",
            "out/streaming_events.jsonl",
            "truth/messages.jsonl",
            "truth/sessions.jsonl",
            "truth/sla_hours.jsonl",
            "truth/payments_hourly.jsonl",
            "truth/gpus.jsonl",
            "truth/orchestrators.jsonl",
            "truth/jobs.jsonl",
            "truth/run.json");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void anotherSeedGivesAnotherNetwork() throws IOException {
    Map<String, String> first = runToFiles(config(42), dir.resolve("first"));
    Map<String, String> other = runToFiles(config(43), dir.resolve("other"));
    assertThat(other.get("out/network_events.jsonl"))
        .isNotEqualTo(first.get("out/network_events.jsonl"));
    assertThat(other.get("truth/orchestrators.jsonl"))
        .isNotEqualTo(first.get("truth/orchestrators.jsonl"));
  }

  @Test
  void transportFaultsNeverChangeTheNetworkOrWorkload() {
    Recording faulty = Recording.run(config(42));
    Recording clean =
        Recording.run(config(42).toBuilder().transportFaults(TransportFaults.none()).build());
    assertThat(clean.truth(TruthFile.ORCHESTRATORS))
        .isEqualTo(faulty.truth(TruthFile.ORCHESTRATORS));
    assertThat(clean.summary.eventsGenerated()).isEqualTo(faulty.summary.eventsGenerated());
    assertThat(clean.summary.sessions()).isEqualTo(faulty.summary.sessions());
  }

  /** Runs with file sinks and returns the SHA-256 of every file written, by relative path. */
  private static Map<String, String> runToFiles(SimulationConfig config, Path root)
      throws IOException {
    try (JsonLinesDirectory out = new JsonLinesDirectory(root.resolve("out"));
        TruthDirectory truth = new TruthDirectory(root.resolve("truth"))) {
      new NetworkSimulator(config).run(out, truth);
    }
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        hashes.put(root.relativize(file).toString().replace('\\', '/'), sha256(file));
      }
    }
    return hashes;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
