package io.naaplake.jobs.silver.jobs;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.silver.TypedEvents;
import io.naaplake.schema.events.EventFamily;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Hand-written envelopes for the job tests, and small readers of their results. */
final class Envelopes {
  /** 2026-01-08T21:49:05Z, near the real sample's time. */
  static final Instant T = Instant.parse("2026-01-08T21:49:05Z");

  /** An envelope as gateways send it: timestamp as a string of epoch ms. */
  static String envelope(String id, String type, Instant time, String data) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\""
        + type
        + "\",\"timestamp\":\""
        + time.toEpochMilli()
        + "\",\"gateway\":\"gw-1\",\"data\":"
        + data
        + "}";
  }

  /** Typed silver rows of {@code family} among the envelopes, through bronze and silver. */
  static Dataset<Row> typed(EventFamily family, String org, List<String> envelopes) {
    return TypedEvents.typed(LocalSpark.get(), family, org, envelopes);
  }

  /** Collects rows by a key column. */
  static Map<String, Row> byKey(Dataset<Row> rows, String keyColumn) {
    return rows.collectAsList().stream()
        .collect(Collectors.toMap(row -> row.<String>getAs(keyColumn), Function.identity()));
  }

  static Instant instant(Row row, String column) {
    java.sql.Timestamp value = row.getAs(column);
    return value == null ? null : value.toInstant();
  }

  private Envelopes() {}
}
