package io.naaplake.notebooks;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Configuration of the notebook runner, read once from {@link Settings}. No other class of this
 * module reads the environment.
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><td>naap.trino.url</td><td>jdbc:trino://127.0.0.1:18080: the Trino the pipeline registers
 *   its tables in (the launcher passes the local one)</td></tr>
 *   <tr><td>naap.trino.catalog</td><td>delta: the catalog of the notebooks' {@code %sql
 *   trino://…/delta} connection, so queries name tables as {@code gold.x}</td></tr>
 *   <tr><td>naap.notebooks.trino-user</td><td>researcher: a read-only identity, as a researcher's
 *   own connection is; never the pipeline user</td></tr>
 *   <tr><td>naap.notebooks.max-rows</td><td>50 rows written per result; the output says how many
 *   there were, so a notebook stays readable on GitHub</td></tr>
 *   <tr><td>naap.notebooks.query-timeout</td><td>2m per cell: the notebooks' queries take seconds
 *   on the fixture lake, so a cell that runs minutes is stuck</td></tr>
 *   <tr><td>naap.notebooks.dir</td><td>notebooks: where {@code ./naap notebooks run} without
 *   arguments finds the {@code *.ipynb} files (relative to the working directory, the
 *   checkout)</td></tr>
 * </table>
 */
public record NotebooksConfig(
    String trinoUrl,
    String trinoCatalog,
    String trinoUser,
    int maxRows,
    Duration queryTimeout,
    Path notebooksDir) {

  /** The job's writer identity; the notebooks never run as it. */
  private static final String PIPELINE_USER = "naap_pipeline";

  public NotebooksConfig {
    requireNonNull(trinoUrl, "trinoUrl is null");
    requireNonNull(trinoCatalog, "trinoCatalog is null");
    requireNonNull(trinoUser, "trinoUser is null");
    requireNonNull(queryTimeout, "queryTimeout is null");
    requireNonNull(notebooksDir, "notebooksDir is null");
    if (!trinoUrl.startsWith("jdbc:trino://")) {
      throw LakeErrors.badConfiguration("naap.trino.url", trinoUrl, "a jdbc:trino:// URL");
    }
    if (trinoCatalog.isBlank()) {
      throw LakeErrors.badConfiguration("naap.trino.catalog", trinoCatalog, "a catalog name");
    }
    if (trinoUser.isBlank() || trinoUser.equals(PIPELINE_USER)) {
      throw LakeErrors.badConfiguration(
          "naap.notebooks.trino-user", trinoUser, "a read-only user, not the pipeline user");
    }
    Settings.requirePositive("naap.notebooks.max-rows", maxRows);
    if (queryTimeout.toSeconds() < 1) {
      throw LakeErrors.badConfiguration(
          "naap.notebooks.query-timeout", queryTimeout.toString(), "at least 1s");
    }
  }

  public static NotebooksConfig from(Settings settings) {
    return new NotebooksConfig(
        settings.string("naap.trino.url", "jdbc:trino://127.0.0.1:18080"),
        settings.string("naap.trino.catalog", "delta"),
        settings.string("naap.notebooks.trino-user", "researcher"),
        settings.integer("naap.notebooks.max-rows", 50),
        settings.duration("naap.notebooks.query-timeout", Duration.ofMinutes(2)),
        Path.of(settings.string("naap.notebooks.dir", "notebooks")));
  }
}
