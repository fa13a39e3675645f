package io.naaplake.jobs.maintenance;

import java.util.Map;
import java.util.TreeMap;

/**
 * What maintenance planning needs to know about an existing table, read from its latest Delta
 * snapshot.
 *
 * @param version the snapshot's version
 * @param properties the table's Delta properties
 * @param activeFiles active files by value of the table's first partition column ({@code ""} for an
 *     unpartitioned table)
 * @param checkpointed whether a checkpoint exists at {@code version}
 */
public record TableState(
    long version,
    Map<String, String> properties,
    Map<String, FileStats> activeFiles,
    boolean checkpointed) {

  public TableState {
    properties = Map.copyOf(properties);
    // Sorted so plans list partitions in date order.
    activeFiles = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(activeFiles));
  }

  public FileStats totalFiles() {
    return activeFiles.values().stream().reduce(FileStats.NONE, FileStats::plus);
  }

  /** Active files of the given partitions. */
  public FileStats files(java.util.Collection<String> partitions) {
    return partitions.stream()
        .map(p -> activeFiles.getOrDefault(p, FileStats.NONE))
        .reduce(FileStats.NONE, FileStats::plus);
  }
}
