package io.naaplake.scheduler;

import io.naaplake.errors.LakeErrors;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.quartz.JobKey;
import org.quartz.TriggerKey;

/**
 * The pipeline's scheduled chains. Each is one Quartz job with one recurring trigger of the same
 * name; retries and manual runs are extra one-shot triggers of the same job.
 */
public enum Chain {
  /** Ingest, silver and gold: refreshes the open hour every interval and closes ended hours. */
  HOURLY("hourly"),
  /** The daily report, the exports configured as recurring, and table maintenance. */
  DAILY("daily");

  /** The Quartz group of the chains' jobs and recurring triggers. */
  static final String GROUP = "chains";

  private final String id;

  Chain(String id) {
    this.id = id;
  }

  /** The name operators type ({@code ./naap jobs run hourly}) and runs are recorded under. */
  public String id() {
    return id;
  }

  /** The chain called {@code id}; an unknown name is bad input (a typo), not a failure. */
  public static Chain byId(String id) {
    for (Chain chain : values()) {
      if (chain.id.equals(id)) {
        return chain;
      }
    }
    throw LakeErrors.badInput(
        "chain '" + id + "'",
        "unknown; the chains are "
            + Arrays.stream(values()).map(Chain::id).collect(Collectors.joining(", ")));
  }

  JobKey jobKey() {
    return JobKey.jobKey(id, GROUP);
  }

  TriggerKey triggerKey() {
    return TriggerKey.triggerKey(id, GROUP);
  }
}
