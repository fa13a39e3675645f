package io.naaplake.api.bench;

import static java.util.Objects.requireNonNull;

/**
 * A GET route under {@code /v1/} the bench cannot request.
 *
 * @param template the path as the OpenAPI document lists it
 * @param reason why, e.g. which path parameter has no example
 */
public record SkippedRoute(String template, String reason) {
  public SkippedRoute {
    requireNonNull(template, "template is null");
    requireNonNull(reason, "reason is null");
  }
}
