package io.naaplake.jobs.backfill;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import io.naaplake.errors.NaapException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ./naap backfill} was asked: the UTC days [{@code from}, {@code to}), the layers to
 * recompute (silver before gold) and the run time every step uses.
 */
public record BackfillRequest(
    LocalDate from, LocalDate to, List<BackfillLayer> layers, Instant runTime) {
  public static final String USAGE =
      "backfill --from DATE --to DATE [--layers silver,gold] [--run-time ISO-INSTANT]"
          + " (UTC dates like 2026-01-08, --to exclusive; layers silver and/or gold, silver"
          + " first; run time like 2026-01-09T01:00:00Z, default now)";

  public BackfillRequest {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    requireNonNull(runTime, "runTime is null");
    layers = List.copyOf(layers);
  }

  /** How many UTC days the window has. */
  public int days() {
    return (int) ChronoUnit.DAYS.between(from, to);
  }

  /**
   * Reads the command line (without the command word).
   *
   * @param now the run time when {@code --run-time} is absent (truncated to the second)
   * @throws NaapException BAD_DATA naming the bad argument and what is valid
   */
  public static BackfillRequest parse(List<String> args, Instant now) {
    Optional<String> from = Optional.empty();
    Optional<String> to = Optional.empty();
    Optional<String> layers = Optional.empty();
    Optional<String> runTime = Optional.empty();
    for (int i = 0; i < args.size(); i += 2) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw bad(option, "needs a value");
      }
      String value = args.get(i + 1);
      switch (option) {
        case "--from" -> from = once(option, from, value);
        case "--to" -> to = once(option, to, value);
        case "--layers" -> layers = once(option, layers, value);
        case "--run-time" -> runTime = once(option, runTime, value);
        default -> throw bad(option, "is not an option");
      }
    }
    LocalDate first = date("--from", from.orElseThrow(() -> bad("--from", "is required")));
    LocalDate until = date("--to", to.orElseThrow(() -> bad("--to", "is required")));
    if (!first.isBefore(until)) {
      throw bad(
          "--from " + first + " --to " + until,
          "--from must be before --to (--to is exclusive: --from 2026-01-08 --to 2026-01-09 is"
              + " one day)");
    }
    return new BackfillRequest(
        first,
        until,
        layers(layers.orElse("silver,gold")),
        runTime.map(BackfillRequest::instant).orElse(now.truncatedTo(ChronoUnit.SECONDS)));
  }

  private static Optional<String> once(String option, Optional<String> seen, String value) {
    if (seen.isPresent()) {
      throw bad(option, "is given twice");
    }
    return Optional.of(value);
  }

  private static LocalDate date(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw bad(option + " " + value, "is not a UTC date like 2026-01-08");
    }
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw bad("--run-time " + value, "is not an instant like 2026-01-09T01:00:00Z");
    }
  }

  /** Known layers, each once, silver before gold. */
  static List<BackfillLayer> layers(String value) {
    List<BackfillLayer> layers = new ArrayList<>();
    for (String name : value.split(",", -1)) {
      BackfillLayer layer =
          BackfillLayer.fromCliName(name.trim())
              .orElseThrow(
                  () ->
                      bad(
                          "--layers " + value,
                          "'" + name + "' is not a layer; valid: silver, gold, silver,gold"));
      if (layers.contains(layer)) {
        throw bad("--layers " + value, layer.cliName() + " is given twice");
      }
      if (!layers.isEmpty() && layers.get(layers.size() - 1).compareTo(layer) > 0) {
        throw bad("--layers " + value, "silver must come before gold (gold is computed from it)");
      }
      layers.add(layer);
    }
    return layers;
  }

  private static NaapException bad(String what, String detail) {
    return LakeErrors.badInput("backfill " + what, detail + ". Usage: " + USAGE);
  }
}
