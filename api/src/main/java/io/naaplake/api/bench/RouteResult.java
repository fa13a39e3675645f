package io.naaplake.api.bench;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one route did in one phase.
 *
 * @param route the path template
 * @param sent requests sent, answered or not
 * @param failed requests without an answer (transport failures)
 * @param statusCounts answered requests by HTTP status, lowest status first
 * @param latency percentiles of the answered requests; empty when none was answered
 * @param firstFailure the first transport failure's message, if any
 */
public record RouteResult(
    String route,
    int sent,
    int failed,
    SortedMap<Integer, Integer> statusCounts,
    Optional<LatencyStats> latency,
    Optional<String> firstFailure) {

  public RouteResult {
    requireNonNull(route, "route is null");
    statusCounts = Collections.unmodifiableSortedMap(new TreeMap<>(statusCounts));
    requireNonNull(latency, "latency is null");
    requireNonNull(firstFailure, "firstFailure is null");
  }

  /** The result of a route's samples. */
  public static RouteResult of(String route, List<Sample> samples) {
    SortedMap<Integer, Integer> statusCounts = new TreeMap<>();
    long[] latencies =
        samples.stream().filter(Sample::isAnswered).mapToLong(Sample::latencyNanos).toArray();
    samples.stream()
        .filter(Sample::isAnswered)
        .forEach(s -> statusCounts.merge(s.status(), 1, Integer::sum));
    return new RouteResult(
        route,
        samples.size(),
        samples.size() - latencies.length,
        statusCounts,
        latencies.length == 0 ? Optional.empty() : Optional.of(LatencyStats.ofNanos(latencies)),
        samples.stream().flatMap(s -> s.failure().stream()).findFirst());
  }

  /** Answered requests with the given status. */
  public int count(int status) {
    return statusCounts.getOrDefault(status, 0);
  }

  /** Answered requests whose status is not 2xx (304s included). */
  public int non2xx() {
    return statusCounts.entrySet().stream()
        .filter(e -> e.getKey() < 200 || e.getKey() > 299)
        .mapToInt(e -> e.getValue())
        .sum();
  }
}
