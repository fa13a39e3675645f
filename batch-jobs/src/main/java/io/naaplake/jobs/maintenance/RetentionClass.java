package io.naaplake.jobs.maintenance;

import io.naaplake.schema.Layer;
import io.naaplake.schema.TableDeclaration;
import java.util.Locale;

/**
 * Which retention policy a table follows: its layer's, except that every table named {@code
 * quarantine} (bronze's unreadable messages, silver's contract violations) follows the quarantine
 * policy whatever its layer. Derived from the declaration alone, so a new table gets a policy
 * without being listed anywhere.
 */
public enum RetentionClass {
  BRONZE,
  QUARANTINE,
  SILVER,
  GOLD,
  OPS;

  private static final String QUARANTINE_TABLE = "quarantine";

  public static RetentionClass of(TableDeclaration table) {
    if (table.name().equals(QUARANTINE_TABLE)) {
      return QUARANTINE;
    }
    return of(table.layer());
  }

  private static RetentionClass of(Layer layer) {
    return switch (layer) {
      case BRONZE -> BRONZE;
      case SILVER -> SILVER;
      case GOLD -> GOLD;
      case OPS -> OPS;
    };
  }

  /** The configuration key segment, e.g. {@code bronze} in {@code naap.maintenance.bronze.*}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
