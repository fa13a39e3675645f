package io.naaplake.jobs.export;

import io.naaplake.errors.LakeErrors;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats a dataset is exported in; the name is the file extension. */
public enum ExportFormat {
  CSV,
  PARQUET;

  /** {@code csv} or {@code parquet}: the command-line spelling and the file extension. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format named {@code text}.
   *
   * @throws io.naaplake.errors.NaapException BAD_DATA naming the valid formats
   */
  public static ExportFormat parse(String text) {
    for (ExportFormat format : values()) {
      if (format.id().equals(text)) {
        return format;
      }
    }
    throw LakeErrors.badInput(
        "export format '" + text + "'",
        "unknown; valid formats: "
            + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")));
  }
}
