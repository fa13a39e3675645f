package io.naaplake.schema.events;

import static io.naaplake.schema.LakeType.decimal;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import java.util.List;

/** Building blocks shared by the payload declarations, so each family reads as its field list. */
final class PayloadFields {

  /**
   * Wei amounts (face values, fees, balances, integer prices): exact integers. Wei values exceed
   * 2^63 in principle (the reference stored face values as UInt64 and capped at about 18.4 ETH),
   * and 38 digits hold any realistic amount with no rounding.
   */
  static final LakeType WEI = decimal(38, 0);

  /**
   * Fractional wei rates and probabilities (wei per pixel, win probability): 18 decimals. The wire
   * writes winProb with 10 decimals and prices with 3 or 10, so 18 is exact for every value seen,
   * leaves 8 spare digits should producers print more, matches the 18-decimal scale of ETH, and
   * keeps 20 integer digits, so {@code face_value * win_prob} stays a decimal(38,18) in Trino that
   * holds expected values up to 10^20 wei. A double would lose the exactness the 10 decimals give.
   */
  static final LakeType WEI_RATE = decimal(38, 18);

  /** Probabilities share the rate scale; see {@link #WEI_RATE}. */
  static final LakeType PROBABILITY = WEI_RATE;

  /** An optional field whose lake name is its wire name. */
  static Column field(String name, LakeType type, String comment) {
    return Column.optional(name, type, comment);
  }

  /** An optional field whose wire name is not lower snake case. */
  static Column wire(String wireName, LakeType type, String comment) {
    return Column.optional(
        WireNames.toSnakeCase(wireName), type, WireNames.tag(wireName) + comment);
  }

  /** A field without which the payload is malformed. */
  static Column required(String name, LakeType type, String comment) {
    return Column.required(name, type, comment);
  }

  /** A required field whose wire name is not lower snake case. */
  static Column requiredWire(String wireName, LakeType type, String comment) {
    return Column.required(
        WireNames.toSnakeCase(wireName), type, WireNames.tag(wireName) + comment);
  }

  static LakeType.Struct struct(Column... fields) {
    return new LakeType.Struct(List.of(fields));
  }

  /** {@code data.type} of families that carry a subtype. */
  static Column subtype(String examples) {
    return required("type", string(), "Subtype; bronze's event_subtype. " + examples);
  }

  /** {@code data.timestamp}, which most payloads carry besides the envelope's. */
  static Column eventTime() {
    return field(
        "timestamp",
        timestamp(),
        "Producer time of the event; int epoch ms on the wire. Order events by this, not by"
            + " Kafka offset.");
  }

  static Column streamId() {
    return field("stream_id", string(), "Live stream id, e.g. stream-o5s73x-mk5zc8fy.");
  }

  static Column requestId() {
    return field(
        "request_id",
        string(),
        "Request id (8 hex chars in real data, e.g. db936fab); may be empty.");
  }

  static Column pipelineId() {
    return field("pipeline_id", string(), "Pipeline id; usually an empty string in real data.");
  }

  /** The orchestrator as live and job events report it. */
  static Column orchestratorInfo() {
    return field(
        "orchestrator_info",
        struct(
            field(
                "address",
                string(),
                "Orchestrator hot-wallet (local) address, not the on-chain one; mixed case on the"
                    + " wire; empty before selection."),
            field(
                "url",
                string(),
                "Orchestrator service URL; the preferred join key once lower-cased; empty before"
                    + " selection.")),
        "The orchestrator serving the stream or job.");
  }

  private PayloadFields() {}
}
