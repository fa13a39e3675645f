package io.naaplake.api.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.api.QueryParams;
import io.naaplake.api.SqlQuery;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlTest {
  @Test
  void valuesTravelAsParametersNextToTheirPlaceholders() {
    Sql sql = new Sql("delta");
    sql.append("SELECT 1 FROM ")
        .table("payments_hourly")
        .append(" WHERE ")
        .window(
            "window_start",
            "window_date",
            new QueryParams.TimeRange(
                Instant.parse("2026-01-08T01:00:00Z"), Instant.parse("2026-01-09T01:00:00Z")))
        .andEquals("pipeline", Optional.of("x' OR 1=1 --"))
        .andEquals("gateway", Optional.empty());
    SqlQuery query = sql.query();
    assertThat(query.sql())
        .isEqualTo(
            "SELECT 1 FROM \"delta\".\"gold\".\"payments_hourly\" WHERE"
                + " window_start >= from_iso8601_timestamp(?)"
                + " AND window_start < from_iso8601_timestamp(?)"
                + " AND window_date >= CAST(? AS date) AND window_date < CAST(? AS date)"
                + " AND pipeline = ?");
    assertThat(query.parameters())
        .extracting(SqlQuery.Parameter::value)
        .containsExactly(
            "2026-01-08T01:00:00Z",
            "2026-01-09T01:00:00Z",
            "2026-01-08",
            "2026-01-10",
            "x' OR 1=1 --");
  }

  @Test
  void onlyPublishedGoldAndDeclaredOpsTablesAndNoInlinePlaceholders() {
    assertThatThrownBy(() -> new Sql("delta").table("raw_events"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Sql("delta").opsTable("nope"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Sql("delta").opsTable("job_runs").query().sql())
        .isEqualTo("\"delta\".\"ops\".\"job_runs\"");
    assertThatThrownBy(() -> new Sql("delta").append("x = ?"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
