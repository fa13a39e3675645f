package io.naaplake.jobs.gold.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.silver.TypedEvents;
import io.naaplake.jobs.silver.capability.CapabilityInventoryTransform;
import io.naaplake.schema.GoldEconomicsTables;
import io.naaplake.schema.events.EventFamily;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden orchestrator_pricing from hand-written announcements typed through silver (prices with
 * is_effective, offers): which quote prices which offer, the latest quote of a day, wei per pixel
 * and gwei per megapixel, and the warm flag.
 */
class OrchestratorPricingTest {
  private static final Instant T1 = Instant.parse("2026-01-08T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-01-08T14:00:00Z");
  private static final Instant T3 = Instant.parse("2026-01-09T09:00:00Z");
  private static final String A = "0xaaaa000000000000000000000000000000000001";
  private static final String B = "0xbbbb000000000000000000000000000000000002";
  private static final String C = "0xcccc000000000000000000000000000000000003";
  private static final String D = "0xdddd000000000000000000000000000000000004";
  private static final String LIVE = "live-video-to-video";

  /** A: m1 with a capability quote, m2 and a GPU-backed text-to-image offer on the global quote. */
  private static String orchA(int m1Price) {
    return """
        {"address":"0xAAAA000000000000000000000000000000000001","orch_uri":"https://a.example:8935",
         "capabilities":{"version":"0.8.8","constraints":{"PerCapability":{"35":{"models":{
           "m1":{"warm":true},"m2":{"warm":false}}}}}},
         "capabilities_prices":[{"pricePerUnit":%d,"pixelsPerUnit":1,"capability":35,
                                 "constraint":"m1"}],
         "price_info":{"pricePerUnit":1000,"pixelsPerUnit":3},
         "hardware":[{"pipeline":"text-to-image","model_id":"flux","gpu_info":{"0":{
           "id":"GPU-x","name":"NVIDIA RTX 6000 Ada Generation","memory_total":51527024640}}}]}
        """
        .formatted(m1Price);
  }

  /** B: transcoding only, a global quote. */
  private static final String ORCH_B =
      """
      {"address":"0xBBBB000000000000000000000000000000000002","orch_uri":"https://b.example:8935",
       "capabilities":{"version":"0.8.8"},"capabilities_prices":null,
       "price_info":{"pricePerUnit":500,"pixelsPerUnit":1},"hardware":null}
      """;

  /** C: a quote for its offer m9 and one for a model it does not offer. */
  private static final String ORCH_C =
      """
      {"address":"0xCCCC000000000000000000000000000000000003","orch_uri":"https://c.example:8935",
       "capabilities":{"version":"0.8.8","constraints":{"PerCapability":{"35":{"models":{
         "m9":{"warm":true}}}}}},
       "capabilities_prices":[
         {"pricePerUnit":1200,"pixelsPerUnit":2,"capability":35,"constraint":"m9"},
         {"pricePerUnit":700,"pixelsPerUnit":7,"capability":35,"constraint":"unoffered"}],
       "price_info":{"pixelsPerUnit":1},"hardware":null}
      """;

  /** D: a BYOC capability with its capability-37 quote. */
  private static final String ORCH_D =
      """
      {"address":"0xDDDD000000000000000000000000000000000004","orch_uri":"https://d.example:7000",
       "capabilities":{"version":"0.8.9"},
       "capabilities_prices":[{"pricePerUnit":1200000,"pixelsPerUnit":1,"capability":37,
                               "constraint":"my-cap"}],
       "price_info":{"pixelsPerUnit":1},"hardware":null,
       "capability_options":{"my-cap":[{"model":"m1"}]}}
      """;

  private static List<Row> rows;

  @BeforeAll
  static void compute() {
    var spark = LocalSpark.get();
    Dataset<Row> typed =
        TypedEvents.typed(
                spark,
                EventFamily.NETWORK_CAPABILITIES,
                "daydream",
                List.of(
                    envelope("e1", T1, orchA(1618), ORCH_B, ORCH_C, ORCH_D),
                    envelope("e2", T2, orchA(2000)),
                    envelope("e3", T3, orchA(2000))))
            .cache();
    Dataset<Row> pricing =
        OrchestratorPricing.compute(
            CapabilityInventoryTransform.prices(typed),
            CapabilityInventoryTransform.offers(typed),
            Instant.parse("2026-01-09T12:00:00Z"));
    rows = TableRows.assertDeclared(pricing, GoldEconomicsTables.ORCHESTRATOR_PRICING);
  }

  @Test
  void eachOfferPricedByItsCapabilityQuoteElseTheGlobalOne() {
    List<Row> day1 =
        rows.stream().filter(r -> r.getAs("window_date").toString().equals("2026-01-08")).toList();
    assertThat(day1)
        .extracting(
            r -> r.getAs("orchestrator_address"),
            r -> r.getAs("pipeline"),
            r -> r.getAs("model_id"),
            r -> r.getAs("capability_id"),
            r -> r.getAs("price_source"),
            r -> r.<BigDecimal>getAs("price_wei_per_unit").toPlainString(),
            r -> r.getAs("pixels_per_unit"),
            r -> r.getAs("warm"))
        .containsExactlyInAnyOrder(
            // A m1: its capability quote; the 14:00 announcement is the day's latest (2000).
            tuple(A, LIVE, "m1", 35, "capability", "2000", 1L, true),
            // A m2: no capability quote, so the global 1000 wei per 3 pixels; PerCapability cold.
            tuple(A, LIVE, "m2", 35, "global", "1000", 3L, false),
            // A flux: a hardware offer (catalog id 27) with a GPU: warm by hardware_present.
            tuple(A, "text-to-image", "flux", 27, "global", "1000", 3L, true),
            // B: no offers at all, its global quote has no pipeline or model (null); warm unknown.
            tuple(B, null, null, null, "global", "500", 1L, null),
            // C: m9 by its own quote; the quote for a model C does not offer is a row of its own.
            tuple(C, LIVE, "m9", 35, "capability", "1200", 2L, true),
            tuple(C, LIVE, "unoffered", 35, "capability", "700", 7L, null),
            // D: the BYOC quote (capability 37, constraint my-cap) covers the my-cap offer's model.
            tuple(D, "my-cap", "m1", 37, "capability", "1200000", 1L, false));
  }

  @Test
  void latestQuoteOfTheDayWithItsTimeAndCount() {
    Row m1 = find("2026-01-08", A, "m1");
    // Quoted 1618 at 10:00 and 2000 at 14:00: the 14:00 quote, from 2 announcements that day.
    assertThat(m1.<Timestamp>getAs("quoted_at").toInstant()).isEqualTo(T2);
    assertThat(m1.<Long>getAs("quote_announcements")).isEqualTo(2L);
    assertThat(m1.<String>getAs("orch_uri")).isEqualTo("https://a.example:8935");
    // The next day has its own row, from its one announcement.
    Row next = find("2026-01-09", A, "m1");
    assertThat(next.<Long>getAs("quote_announcements")).isEqualTo(1L);
    assertThat(next.<Boolean>getAs("is_settled")).isFalse();
    assertThat(m1.<Boolean>getAs("is_settled")).isTrue();
  }

  @Test
  void weiPerPixelAndGweiPerMegapixel() {
    // gwei/MP = ppu × 10^6 / ppx / 10^9.
    // A m1: 2000 / 1 = 2000 wei/pixel; 2000 × 10^6 / 1 / 10^9 = 2 gwei/MP.
    assertPrice(find("2026-01-08", A, "m1"), "2000", "2");
    // A m2: 1000 / 3 = 333.333333333333333333 (18 places); 1000 × 10^6 / 3 / 10^9
    //   = 0.333333333333333333...; at 18 places 0.333333333333333333.
    assertPrice(find("2026-01-08", A, "m2"), "333.333333333333333333", "0.333333333333333333");
    // C m9: 1200 / 2 = 600; 1200 × 10^6 / 2 / 10^9 = 0.6.
    assertPrice(find("2026-01-08", C, "m9"), "600", "0.6");
    // C unoffered: 700 / 7 = 100; 0.1 gwei/MP.
    assertPrice(find("2026-01-08", C, "unoffered"), "100", "0.1");
    // D: 1,200,000 / 1; 1,200,000 × 10^6 / 10^9 = 1200 gwei/MP.
    assertPrice(find("2026-01-08", D, "m1"), "1200000", "1200");
    // B: 500 / 1 = 500; 0.5 gwei/MP.
    assertPrice(find("2026-01-08", B, null), "500", "0.5");
  }

  private static void assertPrice(Row row, String weiPerPixel, String gweiPerMegapixel) {
    assertThat(row.<BigDecimal>getAs("wei_per_pixel")).isEqualByComparingTo(weiPerPixel);
    assertThat(row.<BigDecimal>getAs("gwei_per_megapixel")).isEqualByComparingTo(gweiPerMegapixel);
  }

  private static Row find(String date, String orchestrator, String model) {
    List<Row> matching =
        rows.stream()
            .filter(r -> r.getAs("window_date").toString().equals(date))
            .filter(r -> r.getAs("orchestrator_address").equals(orchestrator))
            .filter(r -> java.util.Objects.equals(r.getAs("model_id"), model))
            .toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  private static String envelope(String id, Instant time, String... orchestrators) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"network_capabilities\",\"timestamp\":\""
        + time.toEpochMilli()
        + "\",\"gateway\":\"0xGateway\",\"data\":["
        + String.join(",", orchestrators)
        + "]}";
  }
}
