package io.naaplake.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the ground truth of a run: forwards per-entity records (sessions, jobs) as they become
 * final and aggregates the hourly ones (SLA primitives, payments) in sorted maps, written at the
 * end. Aggregates grow with hours x orchestrators, not with events.
 */
final class TruthLedger {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  final TruthSink sink;
  final boolean sessions;
  final boolean sla;
  final boolean payments;
  final boolean jobs;
  private final TreeMap<String, SlaRow> slaRows = new TreeMap<>();
  private final TreeMap<String, PaymentRow> paymentRows = new TreeMap<>();

  TruthLedger(TruthSink sink) {
    this.sink = sink;
    this.sessions = sink.wants(TruthFile.SESSIONS);
    this.sla = sink.wants(TruthFile.SLA_HOURS);
    this.payments = sink.wants(TruthFile.PAYMENTS_HOURLY);
    this.jobs = sink.wants(TruthFile.JOBS);
  }

  static String iso(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  // --- SLA rows ----------------------------------------------------------------------------------

  /** SLA primitives of one (hour, org, orchestrator host, pipeline, model, GPU) cell. */
  static final class SlaRow {
    final long hour;
    final String org;
    final Segment segment;
    final String model;
    long requestedSessions;
    long startupSuccessSessions;
    long startupExcusedSessions;
    long startupUnexcusedSessions;
    long noOrchSessions;
    long swappedSessions;
    long loadingOnlySessions;
    long zeroOutputFpsSessions;
    long outputFailedSessions;
    long effectiveFailedSessions;
    long startupLatencySum;
    long startupLatencyCount;
    long e2eLatencySum;
    long e2eLatencyCount;
    long ptffSum;
    long ptffCount;
    long statusSamples;
    long statusSessions;
    double outputFpsSum;
    double inputFpsSum;
    long positiveOutputFpsSamples;
    long runningStateSamples;
    long onlineSamples;
    long errorEvents;
    long restartEvents;
    long requestedSessionsReal;
    long startupSuccessSessionsReal;
    long statusSamplesReal;

    SlaRow(long hour, String org, Segment segment, String model) {
      this.hour = hour;
      this.org = org;
      this.segment = segment;
      this.model = model;
    }
  }

  /** The row of {@code segment} (null: no orchestrator) in the hour of {@code millis}. */
  SlaRow row(long millis, String org, Segment segment, String model) {
    long hour = Simulation.hourStart(millis);
    String key;
    if (segment == null) {
      key = iso(hour) + "|" + org + "||||" + model + "|||";
    } else {
      key =
          iso(hour)
              + "|"
              + org
              + "|"
              + segment.orchestrator().canonicalAddress()
              + "|"
              + segment.host.uri
              + "|"
              + Catalog.LIVE_PIPELINE
              + "|"
              + model
              + "|"
              + segment.gpu.physicalId
              + "|"
              + segment.gpuUuid
              + "|"
              + segment.gpuObservable;
    }
    SlaRow row = slaRows.get(key);
    if (row == null) {
      row = new SlaRow(hour, org, segment, model);
      slaRows.put(key, row);
    }
    return row;
  }

  // --- payments ----------------------------------------------------------------------------------

  private static final class PaymentRow {
    final long hour;
    final String org;
    final String recipient;
    final String recipientChecksum;
    long emitted;
    long delivered;
    long ticketsEmitted;
    long ticketsDelivered;
    BigInteger faceValue = BigInteger.ZERO;
    BigInteger faceValueTickets = BigInteger.ZERO;
    BigDecimal expectedValue = BigDecimal.ZERO;
    BigInteger faceValueAll = BigInteger.ZERO;
    BigInteger faceValueTicketsAll = BigInteger.ZERO;
    BigDecimal expectedValueAll = BigDecimal.ZERO;
    long linkedDelivered;

    PaymentRow(long hour, String org, String recipientChecksum) {
      this.hour = hour;
      this.org = org;
      this.recipientChecksum = recipientChecksum;
      this.recipient = recipientChecksum.toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One create_new_payment: face value in wei, win probability in 1e-10 units. */
  void payment(
      long millis,
      String org,
      String recipientChecksum,
      BigInteger faceValue,
      long winProbUnits,
      int tickets,
      boolean linked,
      boolean delivered) {
    if (!payments) {
      return;
    }
    long hour = Simulation.hourStart(millis);
    String key = iso(hour) + "|" + org + "|" + recipientChecksum.toLowerCase(java.util.Locale.ROOT);
    PaymentRow row =
        paymentRows.computeIfAbsent(key, k -> new PaymentRow(hour, org, recipientChecksum));
    BigInteger faceTimesTickets = faceValue.multiply(BigInteger.valueOf(tickets));
    BigDecimal expected =
        new BigDecimal(faceTimesTickets).multiply(BigDecimal.valueOf(winProbUnits, 10));
    row.emitted++;
    row.ticketsEmitted += tickets;
    row.faceValueAll = row.faceValueAll.add(faceValue);
    row.faceValueTicketsAll = row.faceValueTicketsAll.add(faceTimesTickets);
    row.expectedValueAll = row.expectedValueAll.add(expected);
    if (delivered) {
      row.delivered++;
      row.ticketsDelivered += tickets;
      row.faceValue = row.faceValue.add(faceValue);
      row.faceValueTickets = row.faceValueTickets.add(faceTimesTickets);
      row.expectedValue = row.expectedValue.add(expected);
      if (linked) {
        row.linkedDelivered++;
      }
    }
  }

  static String wei(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  // --- records -----------------------------------------------------------------------------------

  void session(ObjectNode record) {
    if (sessions) {
      sink.accept(TruthFile.SESSIONS, record);
    }
  }

  void job(ObjectNode record) {
    if (jobs) {
      sink.accept(TruthFile.JOBS, record);
    }
  }

  void orchestrators(Network network) {
    if (!sink.wants(TruthFile.ORCHESTRATORS)) {
      return;
    }
    for (Orchestrator o : network.orchestrators) {
      for (Host host : o.hosts) {
        ObjectNode r = NODES.objectNode();
        r.put("orchestrator_index", o.index);
        r.put("kind", o.kindName());
        r.put("orchestrator", o.canonicalAddress());
        r.put("address", o.address);
        r.put("local_address", o.localAddress);
        r.put("live_address", o.liveAddress());
        r.put("version", o.version);
        r.put("host_id", host.hostId);
        r.put("uri", host.uri);
        r.put("rented", host.rented);
        r.put("gpu_model", host.gpuModel == null ? null : host.gpuModel.nvmlName());
        r.put("gpu_count", host.gpus.size());
        r.put("live_slots", host.liveSlots());
        ArrayNode models = r.putArray("models");
        host.models.forEach(models::add);
        r.put("price_per_unit", host.pricePerUnit);
        r.put("payment_price", host.paymentPrice);
        r.put("face_value_wei", o.faceValueWei.toString());
        r.put("win_prob", BigDecimal.valueOf(o.winProbUnits, 10).toPlainString());
        r.put("reliability", o.reliability);
        r.put("failure_rates_overridden", o.ratesOverridden);
        r.set("failure_rates", rates(o.rates));
        sink.accept(TruthFile.ORCHESTRATORS, r);
      }
    }
  }

  static ObjectNode rates(FailureRates rates) {
    ObjectNode r = NODES.objectNode();
    r.put("no_orchestrator", rates.noOrchestrator());
    r.put("swap", rates.swap());
    r.put("loading_only", rates.loadingOnly());
    r.put("zero_output_fps", rates.zeroOutputFps());
    r.put("excusable_error", rates.excusableError());
    r.put("unexcused_error", rates.unexcusedError());
    r.put("restarts_per_hour", rates.restartsPerHour());
    r.put("errors_per_hour", rates.errorsPerHour());
    r.put("degraded_fps_hour", rates.degradedFpsHour());
    r.put("rented_host_share", rates.rentedHostShare());
    r.put("uuid_churn_per_hour", rates.uuidChurnPerHour());
    return r;
  }

  /** Writes the aggregated files: SLA rows, payments and GPUs. */
  void finish(Simulation simulation) {
    if (sla) {
      for (SlaRow row : slaRows.values()) {
        sink.accept(TruthFile.SLA_HOURS, slaRecord(simulation, row));
      }
    }
    if (payments) {
      for (PaymentRow row : paymentRows.values()) {
        sink.accept(TruthFile.PAYMENTS_HOURLY, paymentRecord(row));
      }
    }
    if (sink.wants(TruthFile.GPUS)) {
      for (Host host : simulation.network.allHosts()) {
        for (PhysicalGpu gpu : host.gpus) {
          sink.accept(TruthFile.GPUS, gpuRecord(host, gpu));
        }
      }
    }
  }

  private static ObjectNode slaRecord(Simulation simulation, SlaRow row) {
    ObjectNode r = NODES.objectNode();
    Segment s = row.segment;
    r.put("hour", iso(row.hour));
    r.put("org", row.org);
    r.put("orchestrator", s == null ? "" : s.orchestrator().canonicalAddress());
    r.put("orchestrator_uri", s == null ? "" : s.host.uri);
    r.put("pipeline", Catalog.LIVE_PIPELINE);
    r.put("model", row.model);
    r.put("gpu_physical_id", s == null ? "" : s.gpu.physicalId);
    r.put("gpu_uuid", s == null ? "" : s.gpuUuid);
    r.put("gpu_model", s == null ? "" : s.host.gpuModel.nvmlName());
    r.put("gpu_observable", s != null && s.gpuObservable);
    r.put(
        "degraded_fps_hour",
        s != null && simulation.degradedFactor(s.orchestrator(), row.hour) < 1.0);
    r.put("requested_sessions", row.requestedSessions);
    r.put("startup_success_sessions", row.startupSuccessSessions);
    r.put("startup_excused_sessions", row.startupExcusedSessions);
    r.put("startup_unexcused_sessions", row.startupUnexcusedSessions);
    r.put("no_orch_sessions", row.noOrchSessions);
    r.put("swapped_sessions", row.swappedSessions);
    r.put("loading_only_sessions", row.loadingOnlySessions);
    r.put("zero_output_fps_sessions", row.zeroOutputFpsSessions);
    r.put("output_failed_sessions", row.outputFailedSessions);
    r.put("effective_failed_sessions", row.effectiveFailedSessions);
    r.put("startup_latency_ms_sum", row.startupLatencySum);
    r.put("startup_latency_count", row.startupLatencyCount);
    r.put("e2e_latency_ms_sum", row.e2eLatencySum);
    r.put("e2e_latency_count", row.e2eLatencyCount);
    r.put("ptff_ms_sum", row.ptffSum);
    r.put("ptff_count", row.ptffCount);
    r.put("status_samples", row.statusSamples);
    r.put("status_sessions", row.statusSessions);
    r.put("output_fps_sum", row.outputFpsSum);
    r.put("input_fps_sum", row.inputFpsSum);
    r.put("positive_output_fps_samples", row.positiveOutputFpsSamples);
    r.put("running_state_samples", row.runningStateSamples);
    r.put("online_samples", row.onlineSamples);
    r.put("error_events", row.errorEvents);
    r.put("restart_events", row.restartEvents);
    r.put("requested_sessions_real", row.requestedSessionsReal);
    r.put("startup_success_sessions_real", row.startupSuccessSessionsReal);
    r.put("status_samples_real", row.statusSamplesReal);
    return r;
  }

  private static ObjectNode paymentRecord(PaymentRow row) {
    ObjectNode r = NODES.objectNode();
    r.put("hour", iso(row.hour));
    r.put("org", row.org);
    r.put("recipient", row.recipient);
    r.put("recipient_checksum", row.recipientChecksum);
    r.put("payments_delivered", row.delivered);
    r.put("tickets_delivered", row.ticketsDelivered);
    r.put("linked_payments_delivered", row.linkedDelivered);
    r.put("face_value_wei", row.faceValue.toString());
    r.put("face_value_times_tickets_wei", row.faceValueTickets.toString());
    r.put("expected_value_wei", wei(row.expectedValue));
    r.put("payments_emitted", row.emitted);
    r.put("tickets_emitted", row.ticketsEmitted);
    r.put("face_value_wei_all", row.faceValueAll.toString());
    r.put("face_value_times_tickets_wei_all", row.faceValueTicketsAll.toString());
    r.put("expected_value_wei_all", wei(row.expectedValueAll));
    return r;
  }

  private static ObjectNode gpuRecord(Host host, PhysicalGpu gpu) {
    Orchestrator o = host.orchestrator;
    ObjectNode r = NODES.objectNode();
    r.put("gpu_physical_id", gpu.physicalId);
    r.put("orchestrator", o.canonicalAddress());
    r.put("address", o.address);
    r.put("local_address", o.localAddress);
    r.put("kind", o.kindName());
    r.put("host_id", host.hostId);
    r.put("uri", host.uri);
    r.put("rented", host.rented);
    r.put("index", gpu.index);
    r.put("name", host.gpuModel.nvmlName());
    r.put("memory_total", host.gpuModel.memoryTotal());
    r.put("major", host.gpuModel.major());
    r.put("minor", host.gpuModel.minor());
    ArrayNode models = r.putArray("models");
    host.models.forEach(models::add);
    r.put("host_gpu_count", host.gpus.size());
    r.put("sessions_served", gpu.sessionsServed);
    boolean observed = false;
    ArrayNode uuids = r.putArray("uuids");
    for (PhysicalGpu.UuidEpoch epoch : gpu.epochs) {
      ObjectNode e = uuids.addObject();
      e.put("uuid", epoch.uuid);
      e.put("since", epoch.since);
      putTime(e, "until", epoch.until);
      putTime(e, "first_reported_at", epoch.firstReportedAt);
      putTime(e, "last_reported_at", epoch.lastReportedAt);
      e.put("reports_emitted", epoch.reportsEmitted);
      e.put("reports_delivered", epoch.reportsDelivered);
      putTime(e, "first_delivered_at", epoch.firstDeliveredAt);
      e.put("observable", epoch.reportsDelivered > 0);
      observed |= epoch.reportsDelivered > 0;
    }
    r.put("uuid_count", gpu.epochs.size());
    r.put("observable", observed);
    return r;
  }

  static void putTime(ObjectNode node, String field, long millis) {
    if (millis == Long.MIN_VALUE) {
      node.putNull(field);
    } else {
      node.put(field, millis);
    }
  }

  static ObjectNode counts(Map<String, Long> counts) {
    ObjectNode node = NODES.objectNode();
    counts.forEach(node::put);
    return node;
  }
}
