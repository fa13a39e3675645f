package io.naaplake.scheduler;

import static java.util.Objects.requireNonNull;

/**
 * What a successful chain run did.
 *
 * @param summary one line for the run log, e.g. the jobs run and the rows written
 */
public record ChainResult(String summary) {

  public ChainResult {
    requireNonNull(summary, "summary is null");
  }
}
