package io.naaplake.api.routes;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * One API route: its documentation (also the list of accepted parameters) and its handler.
 *
 * @param doc what {@code /openapi.json} publishes
 * @param handler computes the payload from a validated request
 * @param readsLake true for routes answered from Trino: they fail fast while Trino is down and are
 *     cached per data version. False for routes over the published artifact directories (reports,
 *     exports), which answer whatever Trino's state and read the directory on every request, so a
 *     new report appears at once
 */
public record Route(RouteDoc doc, Handler handler, boolean readsLake) {

  public Route {
    requireNonNull(doc, "doc is null");
    requireNonNull(handler, "handler is null");
  }

  /** A route answered from the lake through Trino. */
  public Route(RouteDoc doc, Handler handler) {
    this(doc, handler, true);
  }

  /** Computes a route's payload. */
  @FunctionalInterface
  public interface Handler {
    Payload handle(RouteRequest request);
  }

  /** The query parameter names the route accepts; any other is a 400. */
  public Set<String> queryParameterNames() {
    return doc.params().stream()
        .filter(p -> p.location().equals("query"))
        .map(ParamDoc::name)
        .collect(Collectors.toUnmodifiableSet());
  }
}
