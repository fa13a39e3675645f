package io.naaplake.schema;

import static io.naaplake.schema.LakeType.bigint;
import static io.naaplake.schema.LakeType.bool;
import static io.naaplake.schema.LakeType.date;
import static io.naaplake.schema.LakeType.decimal;
import static io.naaplake.schema.LakeType.float64;
import static io.naaplake.schema.LakeType.integer;
import static io.naaplake.schema.LakeType.string;
import static io.naaplake.schema.LakeType.timestamp;

import java.util.List;

/**
 * Gold economics: what gateways pay orchestrators (reference §3.7, which leaves face value at 0 and
 * has no expected value), and what orchestrators quote.
 *
 * <p><b>Who is paid.</b> A payment's orchestrator is its {@code recipient}: the address the ticket
 * batch pays, which is the orchestrator's <i>on-chain</i> (ETH) address, lower-cased, the same
 * address capability announcements carry as {@code address} (livepeer-event-producers.md: sender is
 * the gateway's wallet, recipient the orchestrator). It is not the hot-wallet (local) address that
 * live events report in {@code orchestrator_info.address}, and it is not the {@code orchestrator}
 * URL, which may name one of several surfaces of the address.
 *
 * <p><b>Money.</b> Face value in wei is {@code decimal(38,0)}, exact. Expected value (face value ×
 * win probability × tickets) is {@code decimal(38,10)}, computed from the decimal values, never
 * through a double. Win probabilities arrive with 10 decimals ({@code "0.0009990010"}), so face ×
 * probability has at most 10 decimals and is exact; a probability with more decimals (silver keeps
 * 18) is exact too whenever the face value ends in enough zeros (face values are formatted ETH
 * amounts and do), and is otherwise rounded half-even to 10^-10 wei per payment, never more. Sums
 * of a table's {@code decimal(38,10)} values are exact, so hours add up to days exactly.
 *
 * <p><b>Windows.</b> UTC hours and dates. {@code is_settled} is false while late data may still
 * change the row: true when the window ends at or before the run's settlement time (the time before
 * which the lateness horizon no longer admits events).
 */
public final class GoldEconomicsTables {

  private static final LakeType WEI = decimal(38, 0);
  private static final LakeType EXPECTED_WEI = decimal(38, 10);
  private static final LakeType WEI_RATE = decimal(38, 18);

  /** Scale of expected-value columns. */
  public static final int EXPECTED_VALUE_SCALE = 10;

  /** Scale of wei-per-pixel and gwei-per-megapixel columns. */
  public static final int RATE_SCALE = 18;

  /** Scale of {@code expected_value_eth}: the wei column's 10 decimals plus 18 for wei to ETH. */
  public static final int ETH_SCALE = 28;

  /** An unknown dimension is null ("no evidence"), as in every gold table. */
  private static final String UNKNOWN_KEY = " null when unknown.";

  private static final String SETTLED =
      "False while late events may still change the row: true when the window's end is at or"
          + " before the run's settlement time (run time minus the lateness horizon).";

  public static final TableDeclaration PAYMENTS_HOURLY =
      TableDeclaration.builder(Layer.GOLD, "payments_hourly")
          .comment(
              "One row per (UTC hour, org, gateway, sender, orchestrator, pipeline, model) with"
                  + " payments: the create_new_payment ticket batches of silver.payment_links,"
                  + " summed exactly in wei. Pipeline and model come from the payment's manifest"
                  + " (<capability id>_<model>), else from its linked session, else from the"
                  + " recipient's only offer announced within the offer window of the payment"
                  + " (the attribution fresh window, 30 min by default), else are unknown (null)."
                  + " Payments without an event time have no hour and are left out. Every column but the distinct count linked_sessions and the"
                  + " ratio price_wei_per_pixel is additive over hours, gateways and pipelines.")
          .required("window_start", timestamp(), "Start of the UTC hour of the payment events.")
          .required("window_date", date(), "UTC date of window_start. Partition.")
          .required("org", string(), "Tenant, from the Kafka topic.")
          .optional("gateway", string(), "Envelope gateway of the payment events;" + UNKNOWN_KEY)
          .optional(
              "sender",
              string(),
              "Gateway's ETH address that signed the tickets (data.sender), lower-case;"
                  + UNKNOWN_KEY)
          .required(
              "orchestrator_address",
              string(),
              "The payment's recipient: the orchestrator's on-chain address, lower-case (the"
                  + " address capability announcements carry; not the hot-wallet address).")
          .optional(
              "pipeline",
              string(),
              "Canonical pipeline: of the manifest's capability id (35_... is"
                  + " live-video-to-video), else the linked session's canonical_pipeline, else the"
                  + " pipeline of the recipient's only offer;"
                  + UNKNOWN_KEY)
          .optional(
              "model_id",
              string(),
              "Model from the same source as pipeline: the manifest's model, the linked"
                  + " session's canonical_model, or the recipient's only offer;"
                  + UNKNOWN_KEY)
          .measure("payment_events", bigint(), "create_new_payment events (ticket batches).")
          .measure("tickets", bigint(), "Σ num_tickets.")
          .measure(
              "face_value_wei",
              WEI,
              "Σ face_value_wei × num_tickets: the face value of every ticket sent, exact.")
          .measure(
              "expected_value_wei",
              EXPECTED_WEI,
              "Σ face_value_wei × win_prob × num_tickets: the fees the orchestrator expects to"
                  + " win, exact from the decimals (see the table's rounding note).")
          .measure(
              "priced_tickets",
              bigint(),
              "Σ num_tickets of the events that carry a price (the denominator of"
                  + " price_wei_per_pixel).")
          .measure(
              "price_ticket_weighted_sum",
              WEI_RATE,
              "Σ price_wei_per_pixel × num_tickets over the events with a price (the numerator of"
                  + " price_wei_per_pixel).")
          .optional(
              "price_wei_per_pixel",
              WEI_RATE,
              "Ticket-weighted price the gateway paid in wei per pixel: price_ticket_weighted_sum"
                  + " / priced_tickets, 18 places half up; null when no event has a price. Not"
                  + " additive: recompute from the two sums.")
          .measure(
              "linked_events",
              bigint(),
              "Events linked to exactly one session by request id (link_status resolved).")
          .required(
              "linked_sessions",
              bigint(),
              "Distinct sessions the row's events are linked to. A distinct count: not additive"
                  + " (a session paying over two hours counts in both).")
          .measure(
              "manifest_model_events",
              bigint(),
              "Events whose pipeline and model came from the manifest.")
          .measure(
              "session_model_events",
              bigint(),
              "Events whose pipeline and model came from the linked session.")
          .measure(
              "offer_model_events",
              bigint(),
              "Events whose pipeline and model came from the recipient's only offer.")
          .required("is_settled", bool(), SETTLED)
          .partitionedBy("window_date")
          .keyedBy(
              "window_start",
              "org",
              "gateway",
              "sender",
              "orchestrator_address",
              "pipeline",
              "model_id")
          .published()
          .build();

  public static final TableDeclaration ECONOMICS_DAILY =
      TableDeclaration.builder(Layer.GOLD, "economics_daily")
          .comment(
              "One row per (UTC date, orchestrator on-chain address) with payments, attributed"
                  + " sessions or signed tickets: expected fees, face value and tickets (the sums"
                  + " of gold.payments_hourly over the day, every org, gateway and pipeline),"
                  + " the sessions it served and their usage minutes (silver.sessions started that"
                  + " day, via silver.session_selections), the fee per usage minute, and the"
                  + " billable seconds of signed tickets (silver.create_signed_ticket) where the"
                  + " remote signer reports them. Measures are 0 where their source has no rows"
                  + " for the orchestrator that day; the count beside each says which.")
          .required("window_date", date(), "UTC date. Partition.")
          .required(
              "orchestrator_address",
              string(),
              "Orchestrator on-chain address, lower-case: payments' recipient, selections'"
                  + " attributed_orch_address, signed tickets' orch_address.")
          .measure("payment_events", bigint(), "Σ payments_hourly.payment_events of the day.")
          .measure("tickets", bigint(), "Σ payments_hourly.tickets of the day.")
          .measure("face_value_wei", WEI, "Σ payments_hourly.face_value_wei of the day, exact.")
          .measure(
              "expected_value_wei",
              EXPECTED_WEI,
              "Expected fees in wei: Σ payments_hourly.expected_value_wei of the day, exact.")
          .measure(
              "expected_value_eth",
              decimal(38, ETH_SCALE),
              "Expected fees in ETH: expected_value_wei / 10^18, exact (28 decimals).")
          .measure(
              "sessions_attributed",
              bigint(),
              "Live sessions started this day (silver.sessions.start_date) with at least one"
                  + " selection attributed to the orchestrator. A swapped session counts for each"
                  + " orchestrator that served it; for one orchestrator, days add up.")
          .measure(
              "sessions_served",
              bigint(),
              "sessions_attributed whose startup succeeded (playable): served sessions.")
          .measure(
              "usage_minutes",
              float64(),
              "Minutes the orchestrator held the sessions of sessions_attributed: per selection"
                  + " attributed to it, from its selection_ts to the session's next selection,"
                  + " else to the session's last_seen; credited to the session's start date as"
                  + " demand credits usage to the start hour.")
          .optional(
              "expected_wei_per_usage_minute",
              float64(),
              "expected_value_wei / usage_minutes; null when usage_minutes is 0. A ratio:"
                  + " recompute from the sums over longer windows.")
          .measure(
              "signed_ticket_batches",
              bigint(),
              "silver.create_signed_ticket events for the orchestrator dated this day (event"
                  + " time); 0 where no remote signer reports.")
          .measure(
              "billable_seconds",
              float64(),
              "Σ billable_secs of those signed-ticket batches (a session's first batch bills 60"
                  + " s); 0 with signed_ticket_batches 0 means no evidence, not no usage.")
          .measure("signed_pixels", bigint(), "Σ pixels of those batches.")
          .measure("signed_fee_wei", WEI, "Σ computed_fee of those batches in wei, exact.")
          .required("is_settled", bool(), SETTLED)
          .partitionedBy("window_date")
          .keyedBy("window_date", "orchestrator_address")
          .published()
          .build();

  public static final TableDeclaration ORCHESTRATOR_PRICING =
      TableDeclaration.builder(Layer.GOLD, "orchestrator_pricing")
          .comment(
              "One row per (UTC date, orchestrator, pipeline or BYOC capability, model): the"
                  + " latest price quote of the day that applies to it (reference §3.7), from the"
                  + " effective rows of silver.capability_prices. Each offer of an announcement"
                  + " (silver.capability_offers) is priced by the capability quote covering it"
                  + " (a builtin quote its pipeline and model, a BYOC quote its capability), else"
                  + " by the global price_info quote; a capability quote covering no offer is a"
                  + " row of its own (model null for BYOC), as is the global quote of an"
                  + " announcement without offers (pipeline and model null). Latest = greatest"
                  + " snapshot_ts, then org, event id and element; announcements without a"
                  + " timestamp cannot be placed and are left out.")
          .required("window_date", date(), "UTC date of the quotes. Partition.")
          .required("orchestrator_address", string(), "Orchestrator on-chain address, lower-case.")
          .optional(
              "pipeline",
              string(),
              "Canonical pipeline, or the BYOC capability name verbatim; null for the global"
                  + " quote of an announcement without offers (or a quote of an unknown"
                  + " capability id).")
          .optional(
              "model_id",
              string(),
              "Model; null for BYOC quotes without an offer and for the global quote of an"
                  + " announcement without offers.")
          .optional(
              "capability_id",
              integer(),
              "Capability id (35 live-video-to-video, 37 BYOC, ...) of the capability quote, else"
                  + " of the offer the global quote prices; null when neither names one.")
          .required(
              "price_source",
              string(),
              "capability (a capabilities_prices entry) or global (price_info).")
          .required("price_wei_per_unit", WEI, "Quoted price in wei per pixels_per_unit.")
          .optional("pixels_per_unit", bigint(), "Pixels the price buys.")
          .optional(
              "wei_per_pixel",
              WEI_RATE,
              "price_wei_per_unit / pixels_per_unit, 18 places half up; null when pixels_per_unit"
                  + " is null or 0.")
          .optional(
              "gwei_per_megapixel",
              WEI_RATE,
              "The dashboards' unit: price_wei_per_unit × 10^6 / pixels_per_unit / 10^9, 18"
                  + " places half up; null when pixels_per_unit is null or 0.")
          .optional(
              "warm",
              bool(),
              "The quoted offer is warm (reference §3.5 isWarm): it lists GPUs (hardware_present)"
                  + " or PerCapability warm is true; null for rows priced without an offer.")
          .optional("orch_uri", string(), "Service URI of the announcement the quote came from.")
          .required("quoted_at", timestamp(), "snapshot_ts of the latest quote.")
          .measure(
              "quote_announcements",
              bigint(),
              "Announcements that day (every org and surface) that priced this row.")
          .required("is_settled", bool(), SETTLED)
          .partitionedBy("window_date")
          .keyedBy("window_date", "orchestrator_address", "pipeline", "model_id")
          .published()
          .build();

  /** Every table declared here, in dependency order. */
  public static List<TableDeclaration> all() {
    return List.of(PAYMENTS_HOURLY, ECONOMICS_DAILY, ORCHESTRATOR_PRICING);
  }

  private GoldEconomicsTables() {}
}
