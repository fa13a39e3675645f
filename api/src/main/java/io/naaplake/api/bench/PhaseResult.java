package io.naaplake.api.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What one phase of the bench did.
 *
 * @param name cold, warm-up, warm or conditional
 * @param routes one result per route, in document order
 * @param wallNanos from the phase's first request to the end of its last
 * @param latency percentiles over every answered request of the phase; empty when none was
 */
public record PhaseResult(
    String name, List<RouteResult> routes, long wallNanos, Optional<LatencyStats> latency) {

  public PhaseResult {
    requireNonNull(name, "name is null");
    routes = List.copyOf(routes);
    requireNonNull(latency, "latency is null");
  }

  /** The result of a phase's samples, route by route. */
  static PhaseResult of(String name, List<RouteSamples> perRoute, long wallNanos) {
    long[] all =
        perRoute.stream()
            .flatMap(r -> r.samples().stream())
            .filter(Sample::isAnswered)
            .mapToLong(Sample::latencyNanos)
            .toArray();
    return new PhaseResult(
        name,
        perRoute.stream().map(r -> RouteResult.of(r.route().template(), r.samples())).toList(),
        wallNanos,
        all.length == 0 ? Optional.empty() : Optional.of(LatencyStats.ofNanos(all)));
  }

  public int sent() {
    return routes.stream().mapToInt(RouteResult::sent).sum();
  }

  public int failed() {
    return routes.stream().mapToInt(RouteResult::failed).sum();
  }

  /** Answered requests of the phase with the given status. */
  public int count(int status) {
    return routes.stream().mapToInt(r -> r.count(status)).sum();
  }

  /** The result of the route with this template. */
  public RouteResult route(String template) {
    return routes.stream()
        .filter(r -> r.route().equals(template))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no route " + template + " in " + name));
  }

  /** Requests sent per second of wall time; 0 for a phase that sent nothing. */
  public double requestsPerSecond() {
    return wallNanos <= 0 ? 0 : sent() / (wallNanos / 1e9);
  }
}
