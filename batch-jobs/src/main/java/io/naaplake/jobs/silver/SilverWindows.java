package io.naaplake.jobs.silver;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.io.Serializable;
import java.time.Duration;

/**
 * The time windows of the derived silver entities.
 *
 * @param freshWindow an orchestrator announcement up to this long before a selection is fresh
 *     evidence (producers re-announce every 25 minutes; default 30 min)
 * @param futureSkew an announcement up to this long after a selection is accepted as {@code
 *     future_skew} (gateway clocks and poll timing; default 5 min)
 * @param staleLookback announcements older than the fresh window but within this are reported as
 *     {@code stale} evidence; older ones are not looked at (default 24 h)
 * @param latenessHorizon events whose event time is more than this behind their org's event-time
 *     high-water mark are stored and counted in ops.late_events but no longer recompute derived
 *     history (default 48 h)
 */
public record SilverWindows(
    Duration freshWindow, Duration futureSkew, Duration staleLookback, Duration latenessHorizon)
    implements Serializable {

  public static final SilverWindows DEFAULTS =
      new SilverWindows(
          Duration.ofMinutes(30),
          Duration.ofMinutes(5),
          Duration.ofHours(24),
          Duration.ofHours(48));

  public SilverWindows {
    requirePositive("naap.silver.attribution.fresh-window", freshWindow);
    requirePositive("naap.silver.attribution.future-skew", futureSkew);
    requirePositive("naap.silver.attribution.stale-lookback", staleLookback);
    requirePositive("naap.silver.lateness-horizon", latenessHorizon);
    if (staleLookback.compareTo(freshWindow) < 0) {
      throw LakeErrors.badConfiguration(
          "naap.silver.attribution.stale-lookback",
          staleLookback.toString(),
          "must be at least the fresh window (" + freshWindow + ")");
    }
  }

  public static SilverWindows from(Settings settings) {
    return new SilverWindows(
        settings.duration("naap.silver.attribution.fresh-window", DEFAULTS.freshWindow()),
        settings.duration("naap.silver.attribution.future-skew", DEFAULTS.futureSkew()),
        settings.duration("naap.silver.attribution.stale-lookback", DEFAULTS.staleLookback()),
        settings.duration("naap.silver.lateness-horizon", DEFAULTS.latenessHorizon()));
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw LakeErrors.badConfiguration(key, String.valueOf(value), "must be a positive duration");
    }
  }
}
