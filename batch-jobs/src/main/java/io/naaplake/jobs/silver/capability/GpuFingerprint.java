package io.naaplake.jobs.silver.capability;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The physical-GPU fingerprint of one orchestrator surface (address, URI): fed the surface's
 * snapshots in time order, it decides which physical GPU each reported UUID is. Rules (also in
 * lake-schema's CapabilityTables):
 *
 * <ol>
 *   <li>distinct UUIDs in one snapshot are distinct physical GPUs;
 *   <li>a UUID seen before keeps its physical GPU;
 *   <li>a new UUID takes over a physical GPU no other UUID of the snapshot holds, whose current
 *       UUID is absent from the snapshot, with the same name and whole GiB of memory; new UUIDs in
 *       UUID order, each to the most recently seen candidate (then the lowest id); else a new GPU;
 *   <li>two UUIDs of one snapshot holding one GPU split it: its founding UUID keeps it, else its
 *       current UUID, else the lowest; each other UUID founds a new GPU.
 * </ol>
 */
final class GpuFingerprint {

  /** One GPU as one snapshot reports it. */
  record Sighting(String uuid, String name, BigDecimal memoryGib) {}

  /** A physical GPU and what is known of it so far. */
  static final class PhysicalGpu {
    final String id;
    final String foundingUuid;
    final Instant firstSeen;
    final Set<String> uuids = new TreeSet<>();
    String currentUuid;
    String name;
    BigDecimal memoryGib;
    Instant lastSeen;

    PhysicalGpu(String id, String foundingUuid, Instant firstSeen) {
      this.id = id;
      this.foundingUuid = foundingUuid;
      this.firstSeen = firstSeen;
    }
  }

  /** A period during which a UUID was reported as a physical GPU. */
  static final class Assignment {
    final String uuid;
    final PhysicalGpu gpu;
    final Instant firstSeen;
    Instant lastSeen;

    Assignment(String uuid, PhysicalGpu gpu, Instant firstSeen) {
      this.uuid = uuid;
      this.gpu = gpu;
      this.firstSeen = firstSeen;
    }
  }

  private final String address;
  private final String uri;
  private final Map<String, PhysicalGpu> gpus = new LinkedHashMap<>();
  private final Map<String, Assignment> currentAssignment = new HashMap<>();
  private final List<Assignment> assignments = new ArrayList<>();

  GpuFingerprint(String address, String uri) {
    this.address = address;
    this.uri = uri;
  }

  /** Feeds one snapshot; snapshots must come in time order. */
  void observe(Instant time, List<Sighting> snapshot) {
    TreeMap<String, Sighting> byUuid = new TreeMap<>();
    for (Sighting sighting : snapshot) {
      byUuid.putIfAbsent(sighting.uuid(), sighting);
    }
    Map<PhysicalGpu, String> holders = new LinkedHashMap<>();
    settleKnownUuids(byUuid, holders, time);
    placeNewUuids(byUuid, holders, time);
    for (Map.Entry<PhysicalGpu, String> held : holders.entrySet()) {
      PhysicalGpu gpu = held.getKey();
      Sighting sighting = byUuid.get(held.getValue());
      gpu.currentUuid = sighting.uuid();
      gpu.name = sighting.name();
      gpu.memoryGib = sighting.memoryGib();
      gpu.lastSeen = time;
      currentAssignment.get(sighting.uuid()).lastSeen = time;
    }
  }

  List<PhysicalGpu> physicalGpus() {
    return List.copyOf(gpus.values());
  }

  List<Assignment> assignments() {
    return List.copyOf(assignments);
  }

  /** Known UUIDs keep their GPU; where several claim one GPU, rule 4 splits it. */
  private void settleKnownUuids(
      TreeMap<String, Sighting> byUuid, Map<PhysicalGpu, String> holders, Instant time) {
    Map<PhysicalGpu, List<String>> claims = new LinkedHashMap<>();
    for (String uuid : byUuid.keySet()) {
      Assignment assignment = currentAssignment.get(uuid);
      if (assignment != null) {
        claims.computeIfAbsent(assignment.gpu, g -> new ArrayList<>()).add(uuid);
      }
    }
    for (Map.Entry<PhysicalGpu, List<String>> claim : claims.entrySet()) {
      PhysicalGpu gpu = claim.getKey();
      List<String> claimants = claim.getValue();
      String keeper = keeper(gpu, claimants);
      holders.put(gpu, keeper);
      for (String uuid : claimants) {
        if (!uuid.equals(keeper)) {
          holders.put(found(uuid, time), uuid);
        }
      }
    }
  }

  private static String keeper(PhysicalGpu gpu, List<String> claimants) {
    if (claimants.contains(gpu.foundingUuid)) {
      return gpu.foundingUuid;
    }
    if (claimants.contains(gpu.currentUuid)) {
      return gpu.currentUuid;
    }
    return claimants.get(0); // claimants are in UUID order
  }

  /** New UUIDs, in UUID order, take over a vacated matching GPU or found one (rule 3). */
  private void placeNewUuids(
      TreeMap<String, Sighting> byUuid, Map<PhysicalGpu, String> holders, Instant time) {
    for (Sighting sighting : byUuid.values()) {
      if (currentAssignment.containsKey(sighting.uuid())) {
        continue;
      }
      Optional<PhysicalGpu> vacated =
          gpus.values().stream()
              .filter(gpu -> !holders.containsKey(gpu))
              .filter(gpu -> !byUuid.containsKey(gpu.currentUuid))
              .filter(gpu -> sameModel(gpu, sighting))
              .max(
                  Comparator.comparing((PhysicalGpu gpu) -> gpu.lastSeen)
                      .thenComparing(gpu -> gpu.id, Comparator.reverseOrder()));
      PhysicalGpu gpu =
          vacated.isPresent()
              ? assign(sighting.uuid(), vacated.get(), time)
              : found(sighting.uuid(), time);
      holders.put(gpu, sighting.uuid());
    }
  }

  /** Same GPU name and same whole GiB; a GPU without a name or memory never matches. */
  private static boolean sameModel(PhysicalGpu gpu, Sighting sighting) {
    return gpu.name != null
        && gpu.memoryGib != null
        && gpu.name.equals(sighting.name())
        && sighting.memoryGib() != null
        && GpuMemory.wholeGib(gpu.memoryGib).compareTo(GpuMemory.wholeGib(sighting.memoryGib()))
            == 0;
  }

  private PhysicalGpu found(String uuid, Instant time) {
    String id = physicalGpuId(address, uri, uuid);
    // A UUID founds at most one GPU: it founds when first seen unmatched, or when split off a GPU
    // it did not found, after which it founded its own and always keeps it.
    if (gpus.containsKey(id)) {
      throw new IllegalStateException("physical GPU " + id + " founded twice by " + uuid);
    }
    PhysicalGpu gpu = new PhysicalGpu(id, uuid, time);
    gpus.put(id, gpu);
    return assign(uuid, gpu, time);
  }

  private PhysicalGpu assign(String uuid, PhysicalGpu gpu, Instant time) {
    Assignment assignment = new Assignment(uuid, gpu, time);
    currentAssignment.put(uuid, assignment);
    assignments.add(assignment);
    gpu.uuids.add(uuid);
    return gpu;
  }

  /** {@code pgpu-} + the first 16 hex digits of SHA-256 of {@code address|uri|founding UUID}. */
  static String physicalGpuId(String address, String uri, String foundingUuid) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((address + "|" + uri + "|" + foundingUuid).getBytes(UTF_8));
      return "pgpu-" + HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
