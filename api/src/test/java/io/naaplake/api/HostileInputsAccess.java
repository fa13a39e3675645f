package io.naaplake.api;

import io.naaplake.api.routes.RouteDoc;
import java.net.URI;
import java.util.List;

/** Opens the package-private {@link HostileInputs} generator to the integration tests' package. */
public final class HostileInputsAccess {
  private HostileInputsAccess() {}

  public static List<URI> requests(URI base, List<RouteDoc> routes, long seed, int maxPerRoute) {
    return HostileInputs.requests(base, routes, seed, maxPerRoute);
  }
}
