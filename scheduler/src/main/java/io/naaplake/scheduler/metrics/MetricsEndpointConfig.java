package io.naaplake.scheduler.metrics;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.time.Duration;

/**
 * Configuration of the scheduler's Prometheus metrics endpoint ({@link MetricsServer}), read once
 * from {@link Settings}. Only the scheduler reads these keys: the alerts themselves are configured
 * by {@link io.naaplake.alerts.AlertsConfig}, which the API shares.
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><td>naap.scheduler.metrics-port</td><td>9464; 0 disables the endpoint</td></tr>
 *   <tr><td>naap.scheduler.metrics-bind</td><td>127.0.0.1: loopback unless deliberately
 *   exposed</td></tr>
 *   <tr><td>naap.scheduler.metrics-refresh-interval</td><td>1m between lake gauge refreshes (off
 *   the scrape path)</td></tr>
 * </table>
 *
 * @param port the port, 0..65535; 0: no endpoint and no lake gauge refreshes
 * @param bind the address the endpoint listens on
 * @param refreshInterval the delay between lake gauge refreshes, positive
 */
public record MetricsEndpointConfig(int port, String bind, Duration refreshInterval) {

  public MetricsEndpointConfig {
    requireNonNull(bind, "bind is null");
    requireNonNull(refreshInterval, "refreshInterval is null");
    if (refreshInterval.isZero() || refreshInterval.isNegative()) {
      throw LakeErrors.badConfiguration(
          "naap.scheduler.metrics-refresh-interval",
          refreshInterval.toString(),
          "must be positive");
    }
    if (port < 0 || port > 65535) {
      throw LakeErrors.badConfiguration(
          "naap.scheduler.metrics-port", Integer.toString(port), "0..65535 (0: off)");
    }
  }

  public static MetricsEndpointConfig from(Settings settings) {
    return new MetricsEndpointConfig(
        settings.integer("naap.scheduler.metrics-port", 9464),
        settings.string("naap.scheduler.metrics-bind", "127.0.0.1"),
        settings.duration("naap.scheduler.metrics-refresh-interval", Duration.ofMinutes(1)));
  }

  /** Whether the endpoint is off (port 0). */
  public boolean disabled() {
    return port == 0;
  }
}
