package io.naaplake.api.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything one run of the API bench measured.
 *
 * @param routes the routes requested, in document order
 * @param skipped the templated routes left out for want of an example
 * @param cold one sequential request per route, against a cache assumed empty
 * @param warmup one untimed request per route before the warm phase (counted only for failures)
 * @param warm {@code requests-per-route} requests per route from parallel workers
 * @param conditional one request per route with {@code If-None-Match} set to its last ETag
 * @param routesWithEtag how many routes answered with an ETag before the conditional pass
 * @param budgetSpentDuring the phase during which the time budget ran out, if it did
 */
public record BenchResult(
    List<BenchRoute> routes,
    List<SkippedRoute> skipped,
    PhaseResult cold,
    PhaseResult warmup,
    PhaseResult warm,
    PhaseResult conditional,
    int routesWithEtag,
    Optional<String> budgetSpentDuring) {

  public BenchResult {
    routes = List.copyOf(routes);
    skipped = List.copyOf(skipped);
    requireNonNull(cold, "cold is null");
    requireNonNull(warmup, "warmup is null");
    requireNonNull(warm, "warm is null");
    requireNonNull(conditional, "conditional is null");
    requireNonNull(budgetSpentDuring, "budgetSpentDuring is null");
  }

  /** Conditional requests answered 304 Not Modified. */
  public int notModified() {
    return conditional.count(304);
  }

  /** Requests sent in every phase, warm-up included. */
  public int requestsSent() {
    return phases().mapToInt(PhaseResult::sent).sum();
  }

  /** Requests of every phase that got no answer at all. */
  public int transportFailures() {
    return phases().mapToInt(PhaseResult::failed).sum();
  }

  /** The first transport failure's message, if any request failed. */
  public Optional<String> firstFailure() {
    return phases()
        .flatMap(p -> p.routes().stream())
        .flatMap(r -> r.firstFailure().stream())
        .findFirst();
  }

  /** 0 when every request got an answer (any status), 1 when some got none. */
  public int exitCode() {
    return transportFailures() == 0 ? 0 : 1;
  }

  private Stream<PhaseResult> phases() {
    return Stream.of(cold, warmup, warm, conditional);
  }
}
