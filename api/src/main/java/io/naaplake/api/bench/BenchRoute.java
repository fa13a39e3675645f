package io.naaplake.api.bench;

import static java.util.Objects.requireNonNull;

/**
 * One GET route the bench requests.
 *
 * @param template the path as the OpenAPI document lists it, e.g. {@code
 *     /v1/orchestrators/{address}}; the name the report uses
 * @param path the request path with every path parameter replaced by its documented example
 */
public record BenchRoute(String template, String path) {
  public BenchRoute {
    requireNonNull(template, "template is null");
    requireNonNull(path, "path is null");
  }
}
