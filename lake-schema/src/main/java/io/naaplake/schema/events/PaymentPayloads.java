package io.naaplake.schema.events;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;
import static io.naaplake.schema.events.PayloadFields.PROBABILITY;
import static io.naaplake.schema.events.PayloadFields.WEI;
import static io.naaplake.schema.events.PayloadFields.WEI_RATE;
import static io.naaplake.schema.events.PayloadFields.eventTime;
import static io.naaplake.schema.events.PayloadFields.field;
import static io.naaplake.schema.events.PayloadFields.orchestratorInfo;
import static io.naaplake.schema.events.PayloadFields.requestId;
import static io.naaplake.schema.events.PayloadFields.required;
import static io.naaplake.schema.events.PayloadFields.requiredWire;
import static io.naaplake.schema.events.PayloadFields.struct;
import static io.naaplake.schema.events.PayloadFields.subtype;
import static io.naaplake.schema.events.PayloadFields.wire;

import io.naaplake.schema.LakeType;

/** Payloads that move or account for money: ticket batches, signed tickets, BYOC payments. */
final class PaymentPayloads {

  /** Every value is a JSON string on the wire, numbers included. */
  static final LakeType.Struct CREATE_NEW_PAYMENT =
      struct(
          requiredWire(
              "faceValue",
              WEI,
              "Ticket face value in wei. A string with a \" WEI\" suffix"
                  + " (\"2402400000000000 WEI\"); the producer doc shows decimal ETH"
                  + " (\"0.000000100000000000\", times 1e18)."),
          requiredWire(
              "winProb",
              PROBABILITY,
              "Winning probability of one ticket; str-num with 10 decimals (\"0.0009990010\")."),
          requiredWire("numTickets", integer(), "Tickets in the batch; str-num."),
          field(
              "price",
              WEI_RATE,
              "Price in wei per pixel; a string with the unit inside (\"1635.021 wei/pixel\")."),
          required(
              "recipient",
              string(),
              "Orchestrator on-chain address (matches network_capabilities address); mixed case."),
          field("sender", string(), "Gateway ETH address; mixed case."),
          field("orchestrator", string(), "Orchestrator service URL."),
          wire(
              "manifestID",
              string(),
              "\"<capability id>_<model>\" (pipeline hint: strip ^[0-9]+_) or an opaque id."),
          wire("sessionID", string(), "Gateway session id, e.g. 01b55632."),
          wire(
              "requestID",
              string(),
              "Links the payment to a live session; often empty (5 of 6 in the sample)."),
          field("capability", string(), "Often empty."),
          wire("clientIP", string(), "Often empty."));

  static final LakeType.Struct CREATE_SIGNED_TICKET =
      struct(
          required("session_id", string(), "Remote-signer payment session (state) id."),
          field(
              "session_status",
              string(),
              "new on the session's first batch, continuing afterwards."),
          field("app", string(), "Calling application, when the producer sets it."),
          field(
              "pipeline",
              string(),
              "live-video-to-video for lv2v jobs, live for live jobs, else empty."),
          field(
              "request_id",
              string(),
              "Random id the signer draws per signing request; not a stream request id."),
          field("orch_address", string(), "Orchestrator on-chain address; mixed case."),
          field("orch_url", string(), "Orchestrator service URL."),
          field("manifest_id", string(), "Manifest id the gateway sent."),
          field("pm_session_id", string(), "Probabilistic-micropayment session id."),
          field(
              "current_time",
              timestamp(),
              "Signing time; an RFC 3339 string with nanoseconds on the wire."),
          field("current_time_unix", timestamp(), "The same instant as int epoch ms; prefer it."),
          field(
              "previous_time",
              timestamp(),
              "Previous signing of the session; RFC 3339 string on the wire."),
          field("previous_time_unix", timestamp(), "The same instant as int epoch ms."),
          field(
              "billable_secs",
              float64(),
              "Seconds billed since previous_time; a session's first batch bills 60 s (lv2v) or"
                  + " 10 s (live)."),
          field("pixels", bigint(), "Pixels billed (lv2v only, else 0)."),
          field(
              "session_balance",
              WEI,
              "Session balance in wei after this batch; str-num (rounded to whole wei)."),
          required("computed_fee", WEI, "Fee charged for this batch in wei; str-num."),
          field("cost", WEI_RATE, "Orchestrator price in wei per pixel; str-num with 10 decimals."),
          field(
              "sequence_number",
              bigint(),
              "Batch number within the session, from 0; gaps reveal lost events."),
          field("num_tickets", integer(), "Tickets in the batch."),
          field("auth_id", string(), "Opaque id from the signer's auth webhook."));

  static final LakeType.Struct JOB_PAYMENT =
      struct(
          subtype(
              "payment_balance_sync, payment_created, payment_stream_cycle, or an"
                  + " orchestrator-relayed payment_*."),
          eventTime(),
          requestId(),
          field("capability", string(), "BYOC capability name, verbatim."),
          field("sender", string(), "balance_sync: gateway address."),
          field("orchestrator_addr", string(), "balance_sync: orchestrator address."),
          field("balance", WEI, "balance_sync: balance in wei; str-num."),
          field("diff", WEI, "balance_sync: balance change in wei; str-num."),
          field("min_bal_covered", bool(), "balance_sync: minimum balance covered."),
          field("reset_to_zero", bool(), "balance_sync: balance was reset."),
          field("with_tickets", bool(), "payment_created: tickets were attached."),
          field("success", bool(), "payment_stream_cycle: the cycle succeeded."),
          field(
              "amount",
              WEI_RATE,
              "Read by the reference normaliser but absent from documented producer shapes."),
          field("currency", string(), "As amount: read by the reference, likely absent."),
          orchestratorInfo());

  private PaymentPayloads() {}
}
