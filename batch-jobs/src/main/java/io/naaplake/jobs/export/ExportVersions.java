package io.naaplake.jobs.export;

import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.GoldSlaTables;

/**
 * The versions an export manifest records, so a reader knows which rules computed the numbers and
 * which code wrote the bytes.
 */
public final class ExportVersions {

  /**
   * Version of the export rendering (the CSV rules of {@link CsvValues}, the row order, the Parquet
   * writer settings, the manifest layout). Bump it whenever any of them changes: files written by
   * different format versions are not expected to be byte-identical.
   */
  public static final String FORMAT = "naap-export-v1";

  /**
   * The methodology versions the lake declares for its gold rules: the SLA score ({@link
   * GoldSlaTables#SEMANTICS_VERSION}) and the leaderboard ({@link
   * GoldNetworkTables#LEADERBOARD_METHODOLOGY}), e.g. {@code
   * sla=quality-benchmark-v1;leaderboard=leaderboard-minmax-v1}.
   */
  public static final String METHODOLOGY =
      "sla="
          + GoldSlaTables.SEMANTICS_VERSION
          + ";leaderboard="
          + GoldNetworkTables.LEADERBOARD_METHODOLOGY;

  /**
   * The generator: the export format version and the Spark version whose Parquet writer wrote the
   * bytes, e.g. {@code naap-export-v1 spark-4.2.0}.
   */
  public static String generator(String sparkVersion) {
    return FORMAT + " spark-" + sparkVersion;
  }

  private ExportVersions() {}
}
