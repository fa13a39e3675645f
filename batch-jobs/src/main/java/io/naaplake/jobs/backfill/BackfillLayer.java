package io.naaplake.jobs.backfill;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A layer a backfill recomputes, in the order they must run: gold is computed from silver. */
public enum BackfillLayer {
  SILVER,
  GOLD;

  /** The name on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<BackfillLayer> fromCliName(String name) {
    return Arrays.stream(values()).filter(layer -> layer.cliName().equals(name)).findFirst();
  }
}
