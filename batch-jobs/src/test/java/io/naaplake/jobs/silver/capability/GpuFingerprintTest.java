package io.naaplake.jobs.silver.capability;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.silver.capability.GpuFingerprint.Assignment;
import io.naaplake.jobs.silver.capability.GpuFingerprint.PhysicalGpu;
import io.naaplake.jobs.silver.capability.GpuFingerprint.Sighting;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fingerprint rules on hand-made snapshots, without Spark. */
class GpuFingerprintTest {
  private static final String ADDRESS = "0xabc";
  private static final String URI = "https://orch.example:8935";
  private static final Instant T0 = Instant.parse("2026-01-08T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(1500);
  private static final Instant T2 = T1.plusSeconds(1500);
  private static final Instant T3 = T2.plusSeconds(1500);

  private final GpuFingerprint fingerprint = new GpuFingerprint(ADDRESS, URI);

  private static Sighting rtx4090(String uuid) {
    return new Sighting(uuid, "NVIDIA GeForce RTX 4090", new BigDecimal("23.99"));
  }

  private static String id(String foundingUuid) {
    return GpuFingerprint.physicalGpuId(ADDRESS, URI, foundingUuid);
  }

  /** physical GPU id -> its UUIDs, for readable assertions. */
  private Map<String, List<String>> uuidsByGpu() {
    return fingerprint.physicalGpus().stream()
        .collect(Collectors.toMap(gpu -> gpu.id, gpu -> List.copyOf(gpu.uuids)));
  }

  @Test
  void aReplacementUuidOfTheSameModelIsTheSameGpu() {
    fingerprint.observe(T0, List.of(rtx4090("GPU-A")));
    fingerprint.observe(T1, List.of(rtx4090("GPU-B")));
    // A vanished while B appeared with the same name and memory: one card, two UUIDs.
    assertThat(uuidsByGpu()).containsExactly(Map.entry(id("GPU-A"), List.of("GPU-A", "GPU-B")));
    PhysicalGpu gpu = fingerprint.physicalGpus().get(0);
    assertThat(gpu.currentUuid).isEqualTo("GPU-B");
    assertThat(gpu.firstSeen).isEqualTo(T0);
    assertThat(gpu.lastSeen).isEqualTo(T1);
  }

  @Test
  void identicalCardsInOneSnapshotAreDistinctGpus() {
    fingerprint.observe(T0, List.of(rtx4090("GPU-C"), rtx4090("GPU-D")));
    fingerprint.observe(T1, List.of(rtx4090("GPU-D"), rtx4090("GPU-C")));
    assertThat(uuidsByGpu())
        .containsOnly(
            Map.entry(id("GPU-C"), List.of("GPU-C")), Map.entry(id("GPU-D"), List.of("GPU-D")));
  }

  @Test
  void aNewUuidDoesNotTakeAGpuWhoseUuidIsStillReported() {
    fingerprint.observe(T0, List.of(rtx4090("GPU-A")));
    fingerprint.observe(T1, List.of(rtx4090("GPU-A"), rtx4090("GPU-B")));
    assertThat(uuidsByGpu()).hasSize(2);
  }

  @Test
  void anotherModelOrMemoryIsAnotherGpu() {
    fingerprint.observe(T0, List.of(rtx4090("GPU-A")));
    fingerprint.observe(
        T1, List.of(new Sighting("GPU-B", "NVIDIA GeForce RTX 5090", new BigDecimal("31.84"))));
    fingerprint.observe(
        T2, List.of(new Sighting("GPU-C", "NVIDIA GeForce RTX 4090", new BigDecimal("47.99"))));
    assertThat(uuidsByGpu()).hasSize(3);
  }

  @Test
  void memoryMatchesToTheWholeGib() {
    fingerprint.observe(T0, List.of(rtx4090("GPU-A")));
    // 24576 MiB reads as 24.00 GiB, the bytes figure as 23.99: both round to 24.
    fingerprint.observe(
        T1, List.of(new Sighting("GPU-B", "NVIDIA GeForce RTX 4090", new BigDecimal("24.00"))));
    assertThat(uuidsByGpu()).hasSize(1);
  }

  @Test
  void aGpuWithoutANameIsNeverMatched() {
    fingerprint.observe(T0, List.of(new Sighting("GPU-A", null, new BigDecimal("24.00"))));
    fingerprint.observe(T1, List.of(new Sighting("GPU-B", null, new BigDecimal("24.00"))));
    assertThat(uuidsByGpu()).hasSize(2);
  }

  @Test
  void aNewUuidTakesTheMostRecentlySeenVacatedGpu() {
    fingerprint.observe(T0, List.of(rtx4090("GPU-A"), rtx4090("GPU-B")));
    fingerprint.observe(T1, List.of(rtx4090("GPU-B")));
    // Both A's and B's GPUs are vacated at T2; B's was seen last (T1), so C takes it.
    fingerprint.observe(T2, List.of(rtx4090("GPU-C")));
    assertThat(uuidsByGpu())
        .containsOnly(
            Map.entry(id("GPU-A"), List.of("GPU-A")),
            Map.entry(id("GPU-B"), List.of("GPU-B", "GPU-C")));
  }

  @Test
  void aDisprovedMatchSplitsAndTheFoundingUuidKeepsTheGpu() {
    fingerprint.observe(T0, List.of(rtx4090("GPU-A")));
    fingerprint.observe(T1, List.of(rtx4090("GPU-B")));
    // A and B together prove they are two cards: A founded the GPU and keeps it; B founds its own.
    fingerprint.observe(T2, List.of(rtx4090("GPU-A"), rtx4090("GPU-B")));
    fingerprint.observe(T3, List.of(rtx4090("GPU-A"), rtx4090("GPU-B")));
    assertThat(uuidsByGpu())
        .containsOnly(
            Map.entry(id("GPU-A"), List.of("GPU-A", "GPU-B")),
            Map.entry(id("GPU-B"), List.of("GPU-B")));
    List<Assignment> bPeriods =
        fingerprint.assignments().stream().filter(a -> a.uuid.equals("GPU-B")).toList();
    // B was the first GPU during T1 only, then its own from T2 to T3.
    assertThat(bPeriods)
        .extracting(a -> a.gpu.id, a -> a.firstSeen, a -> a.lastSeen)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(id("GPU-A"), T1, T1),
            org.assertj.core.groups.Tuple.tuple(id("GPU-B"), T2, T3));
  }

  @Test
  void physicalGpuIdIsPgpuAndSixteenHexOfSha256() throws Exception {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest("0xabc|https://orch.example:8935|GPU-A".getBytes());
    String hex = java.util.HexFormat.of().formatHex(digest);
    assertThat(id("GPU-A")).isEqualTo("pgpu-" + hex.substring(0, 16)).hasSize(21);
  }
}
