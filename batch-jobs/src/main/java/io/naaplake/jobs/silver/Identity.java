package io.naaplake.jobs.silver;

import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * How orchestrator identities are normalised everywhere they are compared: capability snapshots,
 * live-event observations, AI-batch orch_url and BYOC jobs. One definition, so a URI seen in a
 * trace and the same URI announced in a snapshot always compare equal.
 */
public final class Identity {

  /** ETH address: trimmed and lower-cased (checksum case dropped); null when blank. */
  public static Column address(Column raw) {
    Column value = lower(trim(raw));
    return when(value.equalTo(""), null).otherwise(value);
  }

  /**
   * Service URI: trimmed, lower-cased, trailing slashes removed; null when blank. {@code
   * https://Orch.Example:8935/} and {@code https://orch.example:8935} are the same orchestrator.
   */
  public static Column uri(Column raw) {
    Column value = regexp_replace(lower(trim(raw)), "/+$", "");
    return when(value.equalTo(""), null).otherwise(value);
  }

  /** Free text identifier (stream id, request id, model id): trimmed; null when blank. */
  public static Column text(Column raw) {
    Column value = trim(raw);
    return when(value.equalTo(""), null).otherwise(value);
  }

  private Identity() {}
}
