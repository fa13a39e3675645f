package io.naaplake.api.lake;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the background refresher last learned about the lake: whether Trino answered, and the newest
 * finished pipeline run (its id is the {@code data_version} of every response and part of every
 * cache key).
 *
 * @param reachable whether the last probe of Trino succeeded
 * @param detail why not, when unreachable (no hosts or stack traces: it is served)
 * @param dataVersion run id of the newest finished pipeline run, if any
 * @param goldRunTime run time of the newest finished gold run, if any
 * @param checkedAt when the probe finished (the as-of clock)
 */
public record LakeStatus(
    boolean reachable,
    Optional<String> detail,
    Optional<String> dataVersion,
    Optional<Instant> goldRunTime,
    Instant checkedAt) {

  public static LakeStatus unknown(Instant now) {
    return new LakeStatus(
        false, Optional.of("not checked yet"), Optional.empty(), Optional.empty(), now);
  }

  public LakeStatus unreachable(String why) {
    return new LakeStatus(false, Optional.of(why), dataVersion, goldRunTime, checkedAt);
  }

  /**
   * Age of gold: from the newest gold run's run time (the time its data is complete to) to now. Run
   * time, not wall-clock finish, so a fixture lake served as of its own time is fresh.
   */
  public Optional<Duration> goldAge(Instant now) {
    return goldRunTime.map(runTime -> Duration.between(runTime, now));
  }

  /** Ready: Trino answers and gold exists and is no older than the allowed age. */
  public boolean ready(Instant now, Duration maxGoldAge) {
    return reachable && goldAge(now).map(age -> age.compareTo(maxGoldAge) <= 0).orElse(false);
  }
}
