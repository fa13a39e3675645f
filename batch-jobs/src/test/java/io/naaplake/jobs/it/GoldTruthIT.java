package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.simulator.TruthFile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gold of the simulated network ({@link SimulatedNetworkScenario}: 2025-11-10 10:00–12:00, every
 * failure mode and transport fault on) against the simulator's truth, read over Trino. Every map is
 * keyed by hour and key, so a difference names them.
 *
 * <p>The truth's delivered view is the comparison's: dropped events are gone for the lake,
 * duplicates count once.
 */
class GoldTruthIT {
  private static final String SIM_DATE = "DATE '2025-11-10'";

  private static List<ObjectNode> slaHours;
  private static List<ObjectNode> payments;
  private static Set<String> orgs;

  @BeforeAll
  static void buildFixtureLake() {
    FixtureLake.get();
    slaHours = SimulatedNetworkScenario.truth(TruthFile.SLA_HOURS);
    payments = SimulatedNetworkScenario.truth(TruthFile.PAYMENTS_HOURLY);
    orgs = slaHours.stream().map(r -> r.get("org").asText()).collect(Collectors.toSet());
  }

  private static List<Map<String, Object>> rows(String sql) throws Exception {
    return SessionScenariosIT.rows(sql);
  }

  private static String orgList() {
    return orgs.stream().sorted().map(o -> "'" + o + "'").collect(Collectors.joining(", "));
  }

  @Test
  void theTruthHasSomethingToCompare() {
    assertThat(slaHours).isNotEmpty();
    assertThat(payments).isNotEmpty();
    assertThat(slaHours.stream().mapToLong(r -> r.get("no_orch_sessions").asLong()).sum())
        .isPositive();
    assertThat(slaHours.stream().mapToLong(r -> r.get("swapped_sessions").asLong()).sum())
        .isPositive();
  }

  @Test
  void paymentsPerHourAndRecipientAreExactInWei() throws Exception {
    // Truth: per (hour, org, recipient) the delivered create_new_payment events, their tickets,
    // Σ face × tickets and Σ face × win probability × tickets. Gold: payments_hourly summed over
    // gateway, sender, pipeline and model.
    Map<String, List<Object>> expected = new TreeMap<>();
    for (JsonNode p : payments) {
      if (p.get("payments_delivered").asLong() == 0) {
        continue;
      }
      expected.put(
          p.get("hour").asText() + " " + p.get("org").asText() + " " + p.get("recipient").asText(),
          List.of(
              p.get("payments_delivered").asLong(),
              p.get("tickets_delivered").asLong(),
              new BigDecimal(p.get("face_value_times_tickets_wei").asText()).stripTrailingZeros(),
              new BigDecimal(p.get("expected_value_wei").asText()).stripTrailingZeros()));
    }
    Map<String, List<Object>> gold = new TreeMap<>();
    for (Map<String, Object> r :
        rows(
            "SELECT window_start, org, orchestrator_address, sum(payment_events) AS events,"
                + " sum(tickets) AS tickets, sum(face_value_wei) AS face,"
                + " sum(expected_value_wei) AS expected FROM delta.gold.payments_hourly WHERE"
                + " window_date = "
                + SIM_DATE
                + " AND org IN ("
                + orgList()
                + ") GROUP BY 1, 2, 3")) {
      gold.put(
          hour(r.get("window_start")) + " " + r.get("org") + " " + r.get("orchestrator_address"),
          List.of(
              r.get("events"),
              r.get("tickets"),
              ((BigDecimal) r.get("face")).stripTrailingZeros(),
              ((BigDecimal) r.get("expected")).stripTrailingZeros()));
    }
    assertThat(gold).isEqualTo(expected);
  }

  @Test
  void sessionCountsAtTheirRequestHour() throws Exception {
    // Truth credits each session once, in its request hour; so does streaming_demand_hourly
    // (silver.sessions.start_hour = the request trace's hour). Summed per (hour, org) over
    // orchestrators, gateways and models.
    String[][] pairs = {
      {"requested_sessions", "requested_sessions"},
      {"startup_success_sessions", "startup_success_sessions"},
      {"startup_unexcused_sessions", "unexcused_failed_sessions"},
      {"startup_excused_sessions", "excused_failed_sessions"},
      {"no_orch_sessions", "no_orch_sessions"},
      {"swapped_sessions", "swapped_sessions"},
      {"loading_only_sessions", "loading_only_sessions"},
      {"zero_output_fps_sessions", "zero_output_fps_sessions"},
      {"output_failed_sessions", "output_failed_sessions"},
      {"effective_failed_sessions", "effective_failed_sessions"}
    };
    Map<String, List<Long>> expected = new TreeMap<>();
    for (JsonNode r : slaHours) {
      List<Long> sums =
          expected.computeIfAbsent(
              r.get("hour").asText() + " " + r.get("org").asText(), k -> zeros(pairs.length));
      for (int i = 0; i < pairs.length; i++) {
        sums.set(i, sums.get(i) + r.get(pairs[i][0]).asLong());
      }
    }
    expected.values().removeIf(sums -> sums.stream().allMatch(v -> v == 0));
    StringBuilder select = new StringBuilder("SELECT window_start, org");
    for (String[] pair : pairs) {
      select.append(", sum(").append(pair[1]).append(") AS ").append(pair[1]);
    }
    Map<String, List<Long>> gold = new TreeMap<>();
    for (Map<String, Object> r :
        rows(
            select
                + " FROM delta.gold.streaming_demand_hourly WHERE window_date = "
                + SIM_DATE
                + " AND org IN ("
                + orgList()
                + ") GROUP BY 1, 2")) {
      List<Long> sums = new ArrayList<>();
      for (String[] pair : pairs) {
        sums.add((Long) r.get(pair[1]));
      }
      if (sums.stream().anyMatch(v -> v != 0)) {
        gold.put(hour(r.get("window_start")) + " " + r.get("org"), sums);
      }
    }
    assertThat(gold).isEqualTo(expected);
  }

  @Test
  void statusSamplesPerHour() throws Exception {
    // Truth: each delivered status sample in the hour of its time, output FPS summed. Gold:
    // streaming_sla_hourly summed per (hour, org) over orchestrators, models and GPUs.
    Map<String, List<Object>> expected = new TreeMap<>();
    Map<String, Double> expectedFps = new TreeMap<>();
    for (JsonNode r : slaHours) {
      if (r.get("status_samples").asLong() == 0) {
        continue;
      }
      String key = r.get("hour").asText() + " " + r.get("org").asText();
      List<Object> sums = expected.computeIfAbsent(key, k -> new ArrayList<>(List.of(0L, 0L)));
      sums.set(0, (Long) sums.get(0) + r.get("status_samples").asLong());
      sums.set(1, (Long) sums.get(1) + r.get("positive_output_fps_samples").asLong());
      expectedFps.merge(key, r.get("output_fps_sum").asDouble(), Double::sum);
    }
    Map<String, List<Object>> gold = new TreeMap<>();
    Map<String, Double> goldFps = new TreeMap<>();
    for (Map<String, Object> r :
        rows(
            "SELECT window_start, org, sum(status_samples) AS samples, sum(fps_positive_samples)"
                + " AS positive, sum(output_fps_sum) AS fps FROM delta.gold.streaming_sla_hourly"
                + " WHERE window_date = "
                + SIM_DATE
                + " AND org IN ("
                + orgList()
                + ") GROUP BY 1, 2 HAVING sum(status_samples) > 0")) {
      String key = hour(r.get("window_start")) + " " + r.get("org");
      gold.put(key, List.of(r.get("samples"), r.get("positive")));
      goldFps.put(key, (Double) r.get("fps"));
    }
    assertThat(gold).isEqualTo(expected);
    expectedFps.forEach(
        (key, fps) ->
            assertThat(goldFps.get(key))
                .as("output FPS sum of " + key)
                .isCloseTo(fps, org.assertj.core.api.Assertions.within(1e-9 * Math.abs(fps))));
  }

  @Test
  void physicalGpusPerOrchestrator() throws Exception {
    // Truth: the physical GPUs of each orchestrator's hosts. Gold: distinct physical GPUs the
    // day's announcements list per orchestrator, UUID churn folded by the fingerprint.
    Map<String, Set<String>> truthGpus = new TreeMap<>();
    for (JsonNode gpu : SimulatedNetworkScenario.truth(TruthFile.GPUS)) {
      truthGpus
          .computeIfAbsent(gpu.get("orchestrator").asText(), k -> new TreeSet<>())
          .add(gpu.get("gpu_physical_id").asText());
    }
    Map<String, Long> expected = new TreeMap<>();
    truthGpus.forEach((orch, gpus) -> expected.put(orch, (long) gpus.size()));
    Map<String, Long> gold = new TreeMap<>();
    for (Map<String, Object> r :
        rows(
            "SELECT orchestrator_address, count(DISTINCT physical_gpu_id) AS gpus,"
                + " count(DISTINCT gpu_id) AS uuids FROM delta.gold.gpu_inventory WHERE"
                + " window_date = "
                + SIM_DATE
                + " GROUP BY 1")) {
      String orch = (String) r.get("orchestrator_address");
      if (expected.containsKey(orch)) {
        gold.put(orch, (Long) r.get("gpus"));
      }
    }
    assertThat(gold).isEqualTo(expected);
  }

  private static List<Long> zeros(int n) {
    List<Long> zeros = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      zeros.add(0L);
    }
    return zeros;
  }

  private static String hour(Object windowStart) {
    if (windowStart instanceof java.time.temporal.TemporalAccessor t) {
      return Instant.from(t).toString();
    }
    if (windowStart instanceof java.sql.Timestamp ts) {
      return ts.toInstant().toString();
    }
    return String.valueOf(windowStart);
  }
}
