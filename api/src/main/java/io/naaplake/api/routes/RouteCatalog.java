package io.naaplake.api.routes;

import io.naaplake.api.ApiConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every data route the API serves, in the order the documentation lists them. */
public final class RouteCatalog {
  private RouteCatalog() {}

  public static List<Route> routes(ApiConfig config) {
    List<Route> routes = new ArrayList<>();
    routes.addAll(StreamingRoutes.all(config));
    routes.add(SupplyRoutes.models(config));
    routes.add(SupplyRoutes.gpus(config));
    routes.add(SupplyRoutes.gpuHistory(config));
    routes.add(SupplyRoutes.capacity(config));
    routes.addAll(EconomicsRoutes.all(config));
    routes.add(OrchestratorRoutes.economics());
    routes.addAll(JobRoutes.all(config));
    routes.addAll(RankingRoutes.all(config));
    routes.add(OrchestratorRoutes.profile());
    routes.addAll(NetworkRoutes.all(config));
    routes.add(AlertRoutes.alerts(config.alerts()));
    routes.addAll(ArtifactRoutes.all(config));
    Set<String> paths = new HashSet<>();
    for (Route route : routes) {
      if (!paths.add(route.doc().path())) {
        throw new IllegalStateException("route declared twice: " + route.doc().path());
      }
    }
    return List.copyOf(routes);
  }

  public static List<RouteDoc> docs(ApiConfig config) {
    return routes(config).stream().map(Route::doc).toList();
  }
}
