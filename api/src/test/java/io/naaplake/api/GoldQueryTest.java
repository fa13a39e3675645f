package io.naaplake.api;

import static io.naaplake.api.GoldQuery.SortKey.ascending;
import static io.naaplake.api.GoldQuery.SortKey.descending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.api.QueryParams.TimeRange;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.Layer;
import io.naaplake.schema.TableDeclaration;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldQueryTest {
  private static final TimeRange DAY =
      new TimeRange(Instant.parse("2026-01-14T12:00:00Z"), Instant.parse("2026-01-15T12:00:00Z"));

  private static final List<String> HOSTILE =
      List.of(
          "x' OR '1'='1",
          "'; DROP TABLE gold.streaming_sla_hourly; --",
          "\" OR \"\"=\"",
          "live-video-to-video) UNION SELECT * FROM silver.sessions --",
          "?",
          "\\'",
          "\u0000",
          "ünïcödé ✓",
          "/*",
          "$$",
          "a".repeat(1000));

  private static List<Object> values(SqlQuery query) {
    return query.parameters().stream().map(SqlQuery.Parameter::value).toList();
  }

  @Test
  void simpleQueryOverANonNullKey() {
    SqlQuery query =
        GoldQuery.on("delta", "network_summary_hourly")
            .select("window_start", "is_settled")
            .timeRange("window_start", DAY)
            .pageSize(50)
            .build();
    assertThat(query.sql())
        .isEqualTo(
            "SELECT \"window_start\", \"is_settled\" FROM \"delta\".\"gold\".\"network_summary_hourly\""
                + " WHERE \"window_start\" >= from_iso8601_timestamp(?)"
                + " AND \"window_start\" < from_iso8601_timestamp(?)"
                + " ORDER BY \"window_start\" ASC LIMIT ?");
    assertThat(values(query)).containsExactly("2026-01-14T12:00:00Z", "2026-01-15T12:00:00Z", 51L);
    assertThat(query.pageSize()).isEqualTo(50);
  }

  @Test
  void keysetOverNullableKeysIsNullSafe() {
    GoldQuery query =
        GoldQuery.on("delta", "streaming_sla_hourly")
            .select("window_start", "org", "orchestrator_address", "pipeline", "model_id", "gpu_id")
            .orderBy(
                descending("window_start"),
                ascending("org"),
                ascending("orchestrator_address"),
                ascending("pipeline"),
                ascending("model_id"),
                ascending("gpu_id"));
    assertThat(query.sortColumns())
        .containsExactly(
            "window_start", "org", "orchestrator_address", "pipeline", "model_id", "gpu_id");
    SqlQuery sql =
        query
            .after(
                Arrays.asList(
                    "2026-01-15T11:00:00Z", "cloudspe", null, "live-video-to-video", "", null))
            .pageSize(2)
            .build();
    assertThat(sql.sql())
        .contains(
            " ORDER BY \"window_start\" DESC, \"org\" ASC,"
                + " (\"orchestrator_address\" IS NULL) ASC, COALESCE(\"orchestrator_address\", '') ASC,"
                + " (\"pipeline\" IS NULL) ASC, COALESCE(\"pipeline\", '') ASC,"
                + " (\"model_id\" IS NULL) ASC, COALESCE(\"model_id\", '') ASC,"
                + " (\"gpu_id\" IS NULL) ASC, COALESCE(\"gpu_id\", '') ASC LIMIT ?")
        .contains(
            "WHERE ((\"window_start\" < from_iso8601_timestamp(?))"
                + " OR (\"window_start\" = from_iso8601_timestamp(?) AND \"org\" > ?)"
                + " OR (\"window_start\" = from_iso8601_timestamp(?) AND \"org\" = ?"
                + " AND (\"orchestrator_address\" IS NULL) > ?)");
    // 10 ordering terms: 1 + 2 + ... + 10 keyset parameters, then the limit.
    assertThat(sql.parameters()).hasSize(55 + 1);
    List<Object> values = values(sql);
    // The last alternative compares every term: null flags bind true for null cursor values and
    // the COALESCE terms bind the sentinel, so NULL = NULL ties instead of being unknown.
    assertThat(values.subList(45, 56))
        .containsExactly(
            "2026-01-15T11:00:00Z",
            "cloudspe",
            true,
            "",
            false,
            "live-video-to-video",
            false,
            "",
            true,
            "",
            3L);
  }

  @Test
  void defaultOrderIsTheKeyColumnsAscending() {
    GoldQuery query = GoldQuery.on("delta", "streaming_sla_hourly");
    assertThat(query.sortColumns())
        .isEqualTo(LakeCatalog.find("gold.streaming_sla_hourly").orElseThrow().keyColumns());
    assertThat(query.build().sql()).startsWith("SELECT \"window_start\", \"window_date\", \"org\"");
  }

  @Test
  void userValuesNeverReachTheSqlText() {
    String reference = injectable("benign").sql();
    for (String hostile : HOSTILE) {
      SqlQuery query = injectable(hostile);
      assertThat(query.sql()).as("shape for %s", hostile).isEqualTo(reference);
      if (!hostile.equals("?")) {
        assertThat(query.sql()).doesNotContain(hostile);
      }
      assertThat(values(query)).contains(hostile);
    }
  }

  private static SqlQuery injectable(String value) {
    return GoldQuery.on("delta", "streaming_sla_hourly")
        .whereEquals("pipeline", value)
        .whereEquals("model_id", value)
        .timeRange("window_start", DAY)
        .after(Arrays.asList("2026-01-15T11:00:00Z", value, value, null, value, "x"))
        .build();
  }

  @Test
  void onlyPublishedGoldTablesAndDeclaredColumns() {
    for (String table :
        List.of(
            "sessions",
            "raw_events",
            "job_runs",
            "nope",
            "streaming_sla_hourly; DROP TABLE x",
            "../silver/sessions",
            "STREAMING_SLA_HOURLY")) {
      assertThatThrownBy(() -> GoldQuery.on("delta", table))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> GoldQuery.on("delta\"; --", "streaming_sla_hourly"))
        .isInstanceOf(IllegalArgumentException.class);
    GoldQuery query = GoldQuery.on("delta", "streaming_sla_hourly");
    assertThatThrownBy(() -> query.select("window_start", "password"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> query.whereEquals("org\" OR 1=1 --", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> query.orderBy(ascending("window_start")))
        .as("order without every key column")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> query.whereEquals("window_start", "2026-01-01"))
        .as("a string for a timestamp column")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> query.select("org").build())
        .as("sort columns must be selected")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyPublishedGoldTableBuilds() {
    for (TableDeclaration table : LakeCatalog.tables()) {
      if (table.layer() == Layer.GOLD && table.published()) {
        SqlQuery query = GoldQuery.on("delta", table.name()).build();
        assertThat(query.sql()).contains("\"gold\".\"" + table.name() + "\"");
      }
    }
  }

  @Test
  void cursorValuesRoundTripThroughAfter() {
    GoldQuery query = GoldQuery.on("delta", "streaming_sla_hourly");
    Map<String, Object> row = new HashMap<>();
    row.put("window_start", Timestamp.from(Instant.parse("2026-01-15T11:00:00.123Z")));
    row.put("org", "cloudspe");
    row.put("orchestrator_address", null);
    row.put("pipeline", "live-video-to-video");
    row.put("model_id", "sd-turbo");
    row.put("gpu_id", null);
    List<String> cursor = query.cursorValues(row);
    assertThat(cursor)
        .containsExactly(
            "2026-01-15T11:00:00.123Z", "cloudspe", null, "live-video-to-video", "sd-turbo", null);
    assertThat(values(query.after(cursor).build())).contains("2026-01-15T11:00:00.123Z");
  }

  @Test
  void decimalKeysAndFiltersBindExactly() {
    GoldQuery query = GoldQuery.on("delta", "payments_hourly");
    String decimalColumn =
        query.table().columns().stream()
            .filter(c -> c.type() instanceof io.naaplake.schema.LakeType.Decimal)
            .findFirst()
            .orElseThrow()
            .name();
    SqlQuery sql =
        query.whereEquals(decimalColumn, new BigDecimal("16800000007200.0000000000")).build();
    assertThat(sql.sql()).contains("\"" + decimalColumn + "\" = CAST(? AS decimal(38, ");
    assertThat(values(sql)).contains("16800000007200.0000000000");
  }

  @Test
  void cursorsThatDoNotFitTheRouteAreBadParameters() {
    GoldQuery query = GoldQuery.on("delta", "streaming_sla_hourly");
    for (List<String> bad :
        List.of(
            Arrays.asList("not a time", "o", null, null, null, null),
            Arrays.asList("2026-01-15T11:00:00Z", null, null, null, null, null),
            Arrays.asList("2026-01-15T11:00:00Z", "o"))) {
      assertThatThrownBy(() -> query.after(bad))
          .isInstanceOf(BadParameter.class)
          .satisfies(e -> assertThat(((BadParameter) e).parameter()).isEqualTo("cursor"));
    }
  }

  @Test
  void bindSetsEveryParameterInOrder() throws Exception {
    SqlQuery query =
        GoldQuery.on("delta", "network_summary_hourly").timeRange("window_start", DAY).build();
    List<String> calls = new ArrayList<>();
    PreparedStatement recorder =
        (PreparedStatement)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                  calls.add(method.getName() + "(" + args[0] + ", " + args[1] + ")");
                  return null;
                });
    query.bind(recorder);
    assertThat(calls)
        .containsExactly(
            "setString(1, 2026-01-14T12:00:00Z)",
            "setString(2, 2026-01-15T12:00:00Z)",
            "setLong(3, 51)");
  }

  @Test
  void inAndNotNullBindEveryValueAndNameOnlyDeclaredColumns() {
    SqlQuery query =
        GoldQuery.on("delta", "request_jobs")
            .select("org", "job_id_kind", "job_id", "job_ts")
            .whereIn("job_type", List.of("ai_batch", "llm"))
            .whereNotNull("orchestrator_address")
            .build();
    assertThat(query.sql())
        .contains("\"job_type\" IN (?, ?)")
        .contains("\"orchestrator_address\" IS NOT NULL");
    assertThat(query.parameters().subList(0, 2))
        .extracting(SqlQuery.Parameter::value)
        .containsExactly("ai_batch", "llm");
    assertThatThrownBy(() -> GoldQuery.on("delta", "request_jobs").whereIn("job_type", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aViewIsWrappedAndItsParametersComeFirst() {
    TableDeclaration columns =
        TableDeclaration.builder(Layer.GOLD, "view_x")
            .comment("test view")
            .optional("pipeline", io.naaplake.schema.LakeType.string(), "Pipeline.")
            .measure("jobs", io.naaplake.schema.LakeType.bigint(), "Jobs.")
            .keyedBy("pipeline")
            .build();
    GoldQuery.View view =
        new GoldQuery.View(
            columns,
            "SELECT pipeline, count(*) AS jobs FROM "
                + GoldQuery.tableReference("delta", "request_jobs")
                + " WHERE org = ? GROUP BY pipeline",
            List.of(new SqlQuery.Parameter("cloudspe")));
    SqlQuery query = GoldQuery.over("delta", view).whereEquals("jobs", 3L).pageSize(10).build();
    assertThat(query.sql())
        .startsWith("SELECT \"pipeline\", \"jobs\" FROM (SELECT pipeline, count(*) AS jobs FROM")
        .contains(") AS \"v\" WHERE \"jobs\" = ?");
    assertThat(query.parameters())
        .extracting(SqlQuery.Parameter::value)
        .containsExactly("cloudspe", 3L, 11L);
    assertThatThrownBy(() -> GoldQuery.tableReference("delta", "raw_events"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GoldQuery.View(columns, "SELECT ?", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
