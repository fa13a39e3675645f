package io.naaplake.jobs.backfill;

import io.naaplake.jobs.gold.GoldJob;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a backfill, in order: silver once for the whole window, then gold one UTC day per
 * step, oldest first (a day's scores read the gold of the days before it), the as-of tables
 * refreshed by the last gold day when they read the window.
 *
 * <p>Silver is one step because derived silver entities are recomputed whole (a session from all of
 * its events, whichever days they fall on) by {@code SilverEntitiesJob.rebuild}: there is no
 * per-day silver recomputation to split it into.
 */
public final class BackfillPlan {
  private BackfillPlan() {}

  /**
   * One step: a layer over the days [from, until).
   *
   * @param refreshAsOf also write the as-of gold tables at the run time (last gold step only)
   */
  public record Step(BackfillLayer layer, LocalDate from, LocalDate until, boolean refreshAsOf) {
    /** What the progress bar and the run log show: {@code gold 2026-01-08}. */
    public String label() {
      boolean oneDay = until.equals(from.plusDays(1));
      return layer.cliName() + " " + (oneDay ? from.toString() : from + ".." + until.minusDays(1));
    }
  }

  public static List<Step> of(BackfillRequest request) {
    List<Step> steps = new ArrayList<>();
    if (request.layers().contains(BackfillLayer.SILVER)) {
      steps.add(new Step(BackfillLayer.SILVER, request.from(), request.to(), false));
    }
    if (request.layers().contains(BackfillLayer.GOLD)) {
      boolean asOf = GoldJob.asOfReads(request.from(), request.to(), request.runTime());
      for (LocalDate day = request.from(); day.isBefore(request.to()); day = day.plusDays(1)) {
        boolean last = day.plusDays(1).equals(request.to());
        steps.add(new Step(BackfillLayer.GOLD, day, day.plusDays(1), asOf && last));
      }
    }
    return steps;
  }
}
