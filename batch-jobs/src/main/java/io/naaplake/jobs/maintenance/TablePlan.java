package io.naaplake.jobs.maintenance;

import static java.util.Objects.requireNonNull;

import io.naaplake.schema.TableDeclaration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What maintenance will do to one existing table, decided from its declaration, its snapshot and
 * the run time alone ({@link MaintenancePlanner}). Steps run in this order: data retention,
 * compaction, time-travel properties, VACUUM, checkpoint (written unless one exists at the table's
 * latest version when that step runs).
 *
 * @param dataRetention present when the table's retention class deletes old data
 * @param propertiesToSet time-travel properties whose stored value differs from the policy
 */
public record TablePlan(
    TableDeclaration table,
    RetentionClass retentionClass,
    RetentionPolicy policy,
    TableState state,
    Optional<DataRetention> dataRetention,
    Compaction compaction,
    Map<String, String> propertiesToSet) {

  public TablePlan {
    requireNonNull(table, "table is null");
    requireNonNull(dataRetention, "dataRetention is null");
    requireNonNull(compaction, "compaction is null");
    propertiesToSet = Map.copyOf(new java.util.TreeMap<>(propertiesToSet));
  }

  /**
   * Rows of date partitions before {@code keepFrom} are deleted.
   *
   * @param column the table's date partition column; empty when it has none (nothing is deleted)
   * @param expiredPartitions the partitions before {@code keepFrom} the snapshot holds
   */
  public record DataRetention(
      Optional<String> column, LocalDate keepFrom, List<String> expiredPartitions) {
    public DataRetention {
      expiredPartitions = List.copyOf(expiredPartitions);
    }

    public boolean hasWork() {
      return column.isPresent() && !expiredPartitions.isEmpty();
    }

    public String describe() {
      if (column.isEmpty()) {
        return "no date partition column: rows are kept";
      }
      String rule = column.get() + " < " + keepFrom;
      return expiredPartitions.isEmpty()
          ? rule + ": no such partition"
          : rule + ": " + expiredPartitions.size() + " partition(s) " + range(expiredPartitions);
    }
  }

  /**
   * Which files OPTIMIZE rewrites.
   *
   * @param column the partition column the predicate names; empty for an unpartitioned table
   * @param partitions the partitions to compact (empty and {@code wholeTable} false: nothing)
   * @param wholeTable an unpartitioned table with enough files: compact all of it
   * @param reason why these partitions, or why nothing
   */
  public record Compaction(
      Optional<String> column, List<String> partitions, boolean wholeTable, String reason) {
    public Compaction {
      partitions = List.copyOf(partitions);
    }

    public boolean hasWork() {
      return wholeTable || !partitions.isEmpty();
    }

    /** The OPTIMIZE {@code WHERE} text; empty for the whole table. */
    public Optional<String> predicate() {
      if (wholeTable || column.isEmpty()) {
        return Optional.empty();
      }
      String values =
          partitions.stream()
              .map(p -> "'" + p.replace("'", "''") + "'")
              .collect(Collectors.joining(", "));
      return Optional.of("`" + column.get() + "` IN (" + values + ")");
    }

    public String describe() {
      return predicate().map(p -> p + ": " + reason).orElse(reason);
    }
  }

  /** Does the plan change the table's data or properties? */
  public boolean commits() {
    return dataRetention.map(DataRetention::hasWork).orElse(false)
        || compaction.hasWork()
        || !propertiesToSet.isEmpty();
  }

  /** One line per step, for {@code maintain --dry-run} and the log. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        table.qualifiedName()
            + " ("
            + retentionClass.key()
            + ", version "
            + state.version()
            + ", "
            + state.totalFiles()
            + ")");
    dataRetention.ifPresent(r -> lines.add("  data_retention: " + r.describe()));
    lines.add("  optimize: " + compaction.describe());
    lines.add(
        "  time_travel: "
            + (propertiesToSet.isEmpty()
                ? "already " + policy.timeTravelInterval()
                : "set " + propertiesToSet));
    lines.add("  vacuum: retain " + policy.timeTravel().toHours() + " hours");
    lines.add(
        "  checkpoint: "
            + (state.checkpointed() && !commits()
                ? "exists at version " + state.version() + " (VACUUM may commit)"
                : "write"));
    return lines;
  }

  static String range(List<String> partitions) {
    return partitions.size() == 1
        ? partitions.get(0)
        : partitions.get(0) + ".." + partitions.get(partitions.size() - 1);
  }
}
