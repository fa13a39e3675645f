package io.naaplake.jobs.export;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import io.naaplake.errors.NaapException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of governance exports, read once from {@link Settings}.
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><td>naap.exports.dir</td><td>.run/exports (a local directory; relative paths resolve
 *   against the working directory). {@code ./naap} passes {@code $NAAP_RUN_DIR/exports}; the API
 *   lists and serves the same directory</td></tr>
 *   <tr><td>naap.exports.recurring</td><td>empty: comma list of {@code dataset:format} (e.g.
 *   {@code streaming_sla_hourly:csv,payments_hourly:parquet}) the daily chain exports for the
 *   previous UTC day</td></tr>
 * </table>
 *
 * @param exportsDir absolute path of the directory holding one sub-directory per export
 * @param recurring the exports the daily chain makes, in the configured order
 */
public record ExportConfig(Path exportsDir, List<Recurring> recurring) {

  public static final String DIR_KEY = "naap.exports.dir";
  public static final String RECURRING_KEY = "naap.exports.recurring";

  /** One recurring export: a dataset in a format. */
  public record Recurring(String dataset, ExportFormat format) {
    public Recurring {
      requireNonNull(dataset, "dataset is null");
      requireNonNull(format, "format is null");
    }
  }

  public ExportConfig {
    requireNonNull(exportsDir, "exportsDir is null");
    exportsDir = exportsDir.toAbsolutePath().normalize();
    recurring = List.copyOf(recurring);
  }

  public static ExportConfig from(Settings settings) {
    List<Recurring> recurring = new ArrayList<>();
    for (String entry : settings.list(RECURRING_KEY, List.of())) {
      recurring.add(recurring(entry));
    }
    return new ExportConfig(Path.of(settings.string(DIR_KEY, ".run/exports")), recurring);
  }

  /** The same configuration writing to another directory ({@code --out DIR}). */
  public ExportConfig withExportsDir(Path dir) {
    return new ExportConfig(dir, recurring);
  }

  private static Recurring recurring(String entry) {
    String[] parts = entry.split(":", -1);
    if (parts.length != 2) {
      throw LakeErrors.badConfiguration(
          RECURRING_KEY, entry, "expected dataset:format[,dataset:format...]");
    }
    try {
      return new Recurring(
          ExportDatasets.find(parts[0].trim()).name(), ExportFormat.parse(parts[1].trim()));
    } catch (NaapException e) {
      throw LakeErrors.badConfiguration(RECURRING_KEY, entry, e.getMessage());
    }
  }
}
