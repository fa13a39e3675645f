package io.naaplake.jobs.silver.jobs;

import static io.naaplake.jobs.silver.jobs.Envelopes.T;
import static io.naaplake.jobs.silver.jobs.Envelopes.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.JobTables;
import io.naaplake.schema.events.EventFamily;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaymentLinksTest {
  static final StructType SESSION_KEYS =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("org", DataTypes.StringType, false),
              DataTypes.createStructField("request_id", DataTypes.StringType, true),
              DataTypes.createStructField("session_key", DataTypes.StringType, false)));

  private static Dataset<Row> links;
  private static Map<String, Row> byEvent;

  @BeforeAll
  static void link() {
    Dataset<Row> acme =
        Envelopes.typed(
            EventFamily.CREATE_NEW_PAYMENT,
            "acme",
            List.of(
                payment("p-wei", "2402400000000000 WEI", "0.0009990010", "2", "req-one"),
                payment("p-eth", "0.0024024", "0.0010000000", "1", ""),
                payment("p-ambiguous", "2400000000000000 WEI", "0.0010000000", "1", "req-two"),
                payment("p-no-session", "2400000000000000 WEI", "0.0010000000", "1", "req-x")));
    // The same request id as acme's linked session, in another org: must not link.
    Dataset<Row> other =
        Envelopes.typed(
            EventFamily.CREATE_NEW_PAYMENT,
            "other",
            List.of(
                payment("p-other-org", "2400000000000000 WEI", "0.0010000000", "1", "req-one")));
    Dataset<Row> sessions =
        sessionKeys(
            RowFactory.create("acme", "req-one", "acme|stream-1|req-one"),
            // The same session listed twice counts once.
            RowFactory.create("acme", "req-one", "acme|stream-1|req-one"),
            RowFactory.create("acme", "req-two", "acme|stream-2|req-two"),
            RowFactory.create("acme", "req-two", "acme|stream-3|req-two"));
    links = PaymentLinks.link(acme.unionByName(other), sessions);
    byEvent = Envelopes.byKey(links, "event_id");
  }

  static Dataset<Row> sessionKeys(Row... rows) {
    return LocalSpark.get().createDataFrame(List.of(rows), SESSION_KEYS);
  }

  private static String payment(
      String id, String faceValue, String winProb, String tickets, String requestId) {
    return envelope(
        id,
        "create_new_payment",
        T,
        "{\"capability\":\"\",\"clientIP\":\"\",\"faceValue\":\""
            + faceValue
            + "\",\"manifestID\":\"35_streamdiffusion-sdxl-faceid\",\"numTickets\":\""
            + tickets
            + "\",\"orchestrator\":\"https://Orch.Example:8935\",\"price\":\"1635.021 wei/pixel\","
            + "\"recipient\":\"0xd00354656922168815Fcd1e51CBddB9e359e3C7F\",\"requestID\":\""
            + requestId
            + "\",\"sender\":\"0x5aE4E42dB3671370a0c25AfF451E7482aAEc3D0B\","
            + "\"sessionID\":\"01b55632\",\"winProb\":\""
            + winProb
            + "\"}");
  }

  @Test
  void outputIsTheDeclaredTableOneRowPerPayment() {
    assertThat(links.schema().fieldNames())
        .containsExactly(SparkSchemas.structType(JobTables.PAYMENT_LINKS).fieldNames());
    assertThat(byEvent)
        .containsOnlyKeys("p-wei", "p-eth", "p-ambiguous", "p-no-session", "p-other-org");
  }

  @Test
  void bothFaceValueFormsGiveTheSameExactWei() {
    // "2402400000000000 WEI" and 0.0024024 ETH × 10^18 are both 2,402,400,000,000,000 wei.
    BigDecimal wei = new BigDecimal("2402400000000000");
    assertThat(byEvent.get("p-wei").<BigDecimal>getAs("face_value_wei")).isEqualTo(wei);
    assertThat(byEvent.get("p-eth").<BigDecimal>getAs("face_value_wei")).isEqualTo(wei);
  }

  @Test
  void expectedValueIsExact() {
    // 2402400000000000 × 0.000999001 = 2402400 × 999001 = 2,400,000,002,400; × 2 tickets.
    assertThat(byEvent.get("p-wei").<BigDecimal>getAs("expected_value_wei"))
        .isEqualTo(new BigDecimal("4800000004800.000000000000000000"));
    // 2402400000000000 × 0.001 × 1.
    assertThat(byEvent.get("p-eth").<BigDecimal>getAs("expected_value_wei"))
        .isEqualTo(new BigDecimal("2402400000000.000000000000000000"));
  }

  @Test
  void identitiesAreNormalisedAndManifestGivesAModelHint() {
    Row payment = byEvent.get("p-wei");
    assertThat(payment.<String>getAs("recipient"))
        .isEqualTo("0xd00354656922168815fcd1e51cbddb9e359e3c7f");
    assertThat(payment.<String>getAs("sender"))
        .isEqualTo("0x5ae4e42db3671370a0c25aff451e7482aaec3d0b");
    assertThat(payment.<String>getAs("orch_url")).isEqualTo("https://orch.example:8935");
    assertThat(payment.<String>getAs("model_hint")).isEqualTo("streamdiffusion-sdxl-faceid");
    assertThat(payment.<String>getAs("session_id")).isEqualTo("01b55632");
    assertThat(payment.<BigDecimal>getAs("price_wei_per_pixel")).isEqualByComparingTo("1635.021");
  }

  @Test
  void requestIdOfOneSessionLinks() {
    Row payment = byEvent.get("p-wei");
    assertThat(payment.<String>getAs("linked_session_key")).isEqualTo("acme|stream-1|req-one");
    assertThat(payment.<String>getAs("link_method")).isEqualTo("request_id");
    assertThat(payment.<String>getAs("link_status")).isEqualTo("resolved");
    assertThat(payment.<Integer>getAs("candidate_sessions")).as("listed twice").isEqualTo(1);
  }

  @Test
  void requestIdOfTwoSessionsIsAmbiguousAndPicksNone() {
    Row payment = byEvent.get("p-ambiguous");
    assertThat(payment.<String>getAs("linked_session_key")).isNull();
    assertThat(payment.<String>getAs("link_method")).isEqualTo("request_id");
    assertThat(payment.<String>getAs("link_status")).isEqualTo("ambiguous");
    assertThat(payment.<Integer>getAs("candidate_sessions")).isEqualTo(2);
  }

  @Test
  void noRequestIdNoSessionOrAnotherOrgIsUnresolved() {
    for (String event : List.of("p-eth", "p-no-session", "p-other-org")) {
      Row payment = byEvent.get(event);
      assertThat(payment.<String>getAs("linked_session_key")).as(event).isNull();
      assertThat(payment.<String>getAs("link_method")).as(event).isEqualTo("none");
      assertThat(payment.<String>getAs("link_status")).as(event).isEqualTo("unresolved");
      assertThat(payment.<Integer>getAs("candidate_sessions")).as(event).isZero();
    }
    assertThat(byEvent.get("p-eth").<String>getAs("request_id")).as("empty is null").isNull();
  }

  @Test
  void expectedValueOverflowIsNullNotRounded() {
    // 10^21 wei × 0.1 × 1 = 10^20: 21 integer digits do not fit decimal(38,18).
    assertThat(
            PaymentLinks.expectedValue(
                new BigDecimal("1000000000000000000000"), new BigDecimal("0.1"), 1))
        .isNull();
    assertThat(PaymentLinks.expectedValue(new BigDecimal("3"), new BigDecimal("0.5"), 3))
        .isEqualTo(new BigDecimal("4.500000000000000000"));
  }
}
