package io.naaplake.scheduler.metrics;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.naaplake.alerts.GaugeSource;
import io.naaplake.errors.LakeErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Serves {@link SchedulerMetrics} at {@code http://<naap.scheduler.metrics-bind>:<port>/metrics}
 * (the JDK's HTTP server: one small endpoint needs no web framework) and keeps the lake gauges
 * refreshed. Port 0 disables both. The scheduler's main starts it and closes it on shutdown.
 */
public final class MetricsServer implements AutoCloseable {
  private final Optional<HttpServer> server;
  private final Optional<LakeGaugeRefresher> refresher;

  private MetricsServer(Optional<HttpServer> server, Optional<LakeGaugeRefresher> refresher) {
    this.server = server;
    this.refresher = refresher;
  }

  /**
   * Starts the endpoint and the lake gauge refresher, unless {@code naap.scheduler.metrics-port} is
   * 0.
   *
   * @param endpoint where to serve and how often to refresh the lake gauges
   * @param asOf the alerts' fixed as-of time ({@code naap.alerts.as-of}), else the clock's
   * @throws io.naaplake.errors.NaapException FATAL when the port cannot be bound
   */
  public static MetricsServer start(
      MetricsEndpointConfig endpoint,
      Optional<Instant> asOf,
      SchedulerMetrics metrics,
      GaugeSource gauges,
      Clock clock) {
    requireNonNull(metrics, "metrics is null");
    if (endpoint.disabled()) {
      return new MetricsServer(Optional.empty(), Optional.empty());
    }
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(endpoint.bind(), endpoint.port()), 16);
    } catch (IOException e) {
      throw LakeErrors.badConfiguration(
          "naap.scheduler.metrics-port",
          endpoint.bind() + ":" + endpoint.port(),
          "a free port (" + e.getMessage() + ")");
    }
    http.createContext("/metrics", exchange -> serve(exchange, metrics));
    http.start();
    LakeGaugeRefresher refresher = new LakeGaugeRefresher(gauges, metrics, clock, asOf);
    refresher.start(endpoint.refreshInterval());
    return new MetricsServer(Optional.of(http), Optional.of(refresher));
  }

  /** The bound port, when serving. */
  public Optional<Integer> port() {
    return server.map(s -> s.getAddress().getPort());
  }

  private static void serve(HttpExchange exchange, SchedulerMetrics metrics) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", SchedulerMetrics.CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    refresher.ifPresent(LakeGaugeRefresher::close);
    server.ifPresent(s -> s.stop(0));
  }
}
