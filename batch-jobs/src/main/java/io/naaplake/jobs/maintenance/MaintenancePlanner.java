package io.naaplake.jobs.maintenance;

import io.naaplake.schema.LakeType;
import io.naaplake.schema.TableDeclaration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what maintenance does to a table, as a pure function of its declaration, its snapshot
 * state, the configuration and the run time (never the clock), so a plan can be printed, tested and
 * repeated.
 *
 * <ul>
 *   <li>Data retention: a date partition is deleted when it is before the UTC date of (run time -
 *       retention), i.e. when the whole day ended at least the retention before the run time.
 *   <li>Compaction: date partitions from the UTC date of (run time - lookback) on, each with at
 *       least {@code min-files} files; an unpartitioned table when it has that many. Older
 *       partitions are not revisited (a late rewrite of an old partition stays as written).
 *   <li>Time travel: the two Delta retention properties, when they differ from the policy.
 * </ul>
 */
public final class MaintenancePlanner {
  public static final String LOG_RETENTION = "delta.logRetentionDuration";
  public static final String DELETED_FILE_RETENTION = "delta.deletedFileRetentionDuration";

  private final MaintenanceConfig config;

  public MaintenancePlanner(MaintenanceConfig config) {
    this.config = config;
  }

  public TablePlan plan(TableDeclaration table, TableState state, Instant runTime) {
    RetentionClass retentionClass = RetentionClass.of(table);
    RetentionPolicy policy = config.policy(retentionClass);
    Optional<TablePlan.DataRetention> dataRetention =
        policy.dataRetention().map(retention -> dataRetention(table, state, runTime, retention));
    return new TablePlan(
        table,
        retentionClass,
        policy,
        state,
        dataRetention,
        compaction(table, state, runTime),
        propertiesToSet(state, policy));
  }

  /** The table's date partition column, when its (first) partition column is a date. */
  static Optional<String> datePartition(TableDeclaration table) {
    if (table.partitionColumns().isEmpty()) {
      return Optional.empty();
    }
    String column = table.partitionColumns().get(0);
    boolean isDate = table.column(column).orElseThrow().type().equals(LakeType.date());
    return isDate ? Optional.of(column) : Optional.empty();
  }

  private TablePlan.DataRetention dataRetention(
      TableDeclaration table, TableState state, Instant runTime, java.time.Duration retention) {
    LocalDate keepFrom = utcDate(runTime.minus(retention));
    Optional<String> column = datePartition(table);
    List<String> expired =
        column.isEmpty()
            ? List.of()
            : state.activeFiles().keySet().stream()
                .filter(p -> parseDate(p).map(d -> d.isBefore(keepFrom)).orElse(false))
                .toList();
    return new TablePlan.DataRetention(column, keepFrom, expired);
  }

  private TablePlan.Compaction compaction(
      TableDeclaration table, TableState state, Instant runTime) {
    int minFiles = config.optimizeMinFiles();
    if (table.partitionColumns().isEmpty()) {
      long files = state.totalFiles().files();
      boolean enough = files >= minFiles;
      return new TablePlan.Compaction(
          Optional.empty(),
          List.of(),
          enough,
          "unpartitioned, "
              + files
              + " files"
              + (enough ? ": whole table" : " (fewer than " + minFiles + ")"));
    }
    String column = table.partitionColumns().get(0);
    Optional<String> dateColumn = datePartition(table);
    LocalDate from = utcDate(runTime.minus(config.optimizeLookback()));
    List<String> partitions =
        state.activeFiles().entrySet().stream()
            .filter(e -> e.getValue().files() >= minFiles)
            .map(Map.Entry::getKey)
            .filter(p -> dateColumn.isEmpty() || isOnOrAfter(p, from))
            .toList();
    String scope =
        dateColumn.isPresent() ? "partitions since " + from : "partitions (not dated: all)";
    String reason =
        partitions.isEmpty()
            ? "no " + scope + " with " + minFiles + " or more files"
            : partitions.size() + " " + scope + " with " + minFiles + " or more files";
    return new TablePlan.Compaction(Optional.of(column), partitions, false, reason);
  }

  private static Map<String, String> propertiesToSet(TableState state, RetentionPolicy policy) {
    String interval = policy.timeTravelInterval();
    Map<String, String> wanted = new LinkedHashMap<>();
    for (String property : List.of(LOG_RETENTION, DELETED_FILE_RETENTION)) {
      if (!interval.equals(state.properties().get(property))) {
        wanted.put(property, interval);
      }
    }
    return wanted;
  }

  private static boolean isOnOrAfter(String partition, LocalDate from) {
    return parseDate(partition).map(d -> !d.isBefore(from)).orElse(false);
  }

  private static Optional<LocalDate> parseDate(String partition) {
    try {
      return Optional.of(LocalDate.parse(partition));
    } catch (DateTimeParseException | NullPointerException e) {
      return Optional.empty();
    }
  }

  static LocalDate utcDate(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
