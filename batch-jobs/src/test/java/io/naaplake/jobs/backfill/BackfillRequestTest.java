package io.naaplake.jobs.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillRequestTest {
  private static final Instant NOW = Instant.parse("2026-01-10T12:34:56.789Z");

  @Test
  void defaultsToSilverThenGoldAtNowTruncatedToTheSecond() {
    BackfillRequest request = parse("--from", "2026-01-08", "--to", "2026-01-10");
    assertThat(request.from()).isEqualTo(LocalDate.parse("2026-01-08"));
    assertThat(request.to()).isEqualTo(LocalDate.parse("2026-01-10"));
    assertThat(request.days()).isEqualTo(2);
    assertThat(request.layers()).containsExactly(BackfillLayer.SILVER, BackfillLayer.GOLD);
    assertThat(request.runTime()).isEqualTo(Instant.parse("2026-01-10T12:34:56Z"));
  }

  @Test
  void readsLayersAndRunTimeInAnyOrder() {
    BackfillRequest request =
        parse(
            "--run-time",
            "2026-01-09T01:00:00Z",
            "--layers",
            "gold",
            "--to",
            "2026-01-09",
            "--from",
            "2026-01-08");
    assertThat(request.layers()).containsExactly(BackfillLayer.GOLD);
    assertThat(request.runTime()).isEqualTo(Instant.parse("2026-01-09T01:00:00Z"));
    assertThat(request.days()).isEqualTo(1);
    assertThat(parse("--from", "2026-01-08", "--to", "2026-01-09", "--layers", "silver").layers())
        .containsExactly(BackfillLayer.SILVER);
  }

  @Test
  void refusesAnEmptyOrBackwardWindowSayingToIsExclusive() {
    assertBad(
        List.of("--from", "2026-01-08", "--to", "2026-01-08"),
        "--from must be before --to (--to is exclusive");
    assertBad(List.of("--from", "2026-01-09", "--to", "2026-01-08"), "--from must be before --to");
  }

  @Test
  void refusesUnknownOrMisorderedOrRepeatedLayers() {
    assertBad(
        List.of("--from", "2026-01-08", "--to", "2026-01-09", "--layers", "bronze"),
        "'bronze' is not a layer; valid: silver, gold, silver,gold");
    assertBad(
        List.of("--from", "2026-01-08", "--to", "2026-01-09", "--layers", "gold,silver"),
        "silver must come before gold");
    assertBad(
        List.of("--from", "2026-01-08", "--to", "2026-01-09", "--layers", "gold,gold"),
        "gold is given twice");
    assertBad(
        List.of("--from", "2026-01-08", "--to", "2026-01-09", "--layers", ""), "'' is not a layer");
  }

  @Test
  void refusesBadDatesTimesAndOptions() {
    assertBad(List.of("--from", "2026-13-01", "--to", "2026-01-09"), "is not a UTC date");
    assertBad(List.of("--from", "2026-01-08"), "backfill --to: is required");
    assertBad(List.of("--to", "2026-01-08"), "backfill --from: is required");
    assertBad(
        List.of("--from", "2026-01-08", "--to", "2026-01-09", "--run-time", "yesterday"),
        "is not an instant like 2026-01-09T01:00:00Z");
    assertBad(List.of("--from", "2026-01-08", "--to"), "backfill --to: needs a value");
    assertBad(
        List.of("--from", "2026-01-08", "--to", "2026-01-09", "--days", "3"),
        "--days: is not an option");
    assertBad(
        List.of("--from", "2026-01-08", "--from", "2026-01-07", "--to", "2026-01-09"),
        "--from: is given twice");
  }

  private static BackfillRequest parse(String... args) {
    return BackfillRequest.parse(List.of(args), NOW);
  }

  /** A BAD_DATA error with the detail and the usage line (what is valid). */
  private static void assertBad(List<String> args, String detail) {
    assertThatThrownBy(() -> BackfillRequest.parse(args, NOW))
        .isInstanceOfSatisfying(
            NaapException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_DATA))
        .hasMessageContaining(detail)
        .hasMessageContaining("Usage: " + BackfillRequest.USAGE);
  }
}
