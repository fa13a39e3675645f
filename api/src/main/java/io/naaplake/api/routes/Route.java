package io.naaplake.api.routes;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * One API route: its documentation (also the list of accepted parameters) and its handler.
 *
 * @param doc what {@code /openapi.json} publishes
 * @param handler computes the payload from a validated request
 */
public record Route(RouteDoc doc, Handler handler) {

  public Route {
    requireNonNull(doc, "doc is null");
    requireNonNull(handler, "handler is null");
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
