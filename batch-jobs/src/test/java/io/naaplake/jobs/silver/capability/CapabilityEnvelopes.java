package io.naaplake.jobs.silver.capability;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.silver.TypedEvents;
import io.naaplake.schema.events.EventFamily;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** network_capabilities envelopes written by hand, typed through the real silver normalizer. */
final class CapabilityEnvelopes {

  /** An envelope whose data lists the given orchestrator objects (JSON text). */
  static String envelope(String id, Instant time, String... orchestrators) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"network_capabilities\",\"timestamp\":\""
        + time.toEpochMilli()
        + "\",\"gateway\":\"0xGateway\",\"data\":["
        + String.join(",", orchestrators)
        + "]}";
  }

  /** silver.network_capabilities rows of the envelopes, as published to org's topic. */
  static Dataset<Row> typed(String org, List<String> envelopes) {
    return TypedEvents.typed(LocalSpark.get(), EventFamily.NETWORK_CAPABILITIES, org, envelopes);
  }

  private CapabilityEnvelopes() {}
}
