package io.naaplake.jobs.schedule;

import io.naaplake.jobs.JobsConfig;
import java.util.List;

/**
 * The steps of the daily chain, in the order they run: the daily report, the exports configured as
 * recurring, then table maintenance (maintenance last, so it compacts what the day wrote). None of
 * them exists yet in this module; until they do, the daily chain runs no step and records only its
 * own row, saying so.
 */
final class DailySteps {
  private DailySteps() {}

  static List<ChainStep> standard(JobsConfig config) {
    return List.of();
  }
}
