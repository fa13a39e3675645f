package io.naaplake.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * One physical GPU. Its NVML UUID can change over time on rented hosts (UUID churn); each UUID it
 * was reported under is an {@link UuidEpoch}.
 */
final class PhysicalGpu {
  final String physicalId;
  final Host host;
  final int index;
  final List<UuidEpoch> epochs = new ArrayList<>();
  int activeStreams;
  long sessionsServed;

  PhysicalGpu(String physicalId, Host host, int index, String firstUuid, long since) {
    this.physicalId = physicalId;
    this.host = host;
    this.index = index;
    epochs.add(new UuidEpoch(firstUuid, since));
  }

  UuidEpoch current() {
    return epochs.get(epochs.size() - 1);
  }

  String uuid() {
    return current().uuid;
  }

  /** One UUID of a physical GPU: when it came into use and how its capability reports fared. */
  static final class UuidEpoch {
    final String uuid;
    final long since;
    long until = Long.MIN_VALUE;
    long firstReportedAt = Long.MIN_VALUE;
    long lastReportedAt = Long.MIN_VALUE;
    long reportsEmitted;
    long reportsDelivered;
    long firstDeliveredAt = Long.MIN_VALUE;

    UuidEpoch(String uuid, long since) {
      this.uuid = uuid;
      this.since = since;
    }
  }
}
