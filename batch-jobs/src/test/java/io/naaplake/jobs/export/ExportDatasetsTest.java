package io.naaplake.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import io.naaplake.schema.GoldNetworkTables;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.Layer;
import io.naaplake.schema.TableDeclaration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExportDatasetsTest {

  @Test
  void datasetsAreThePublishedGoldTablesByName() {
    assertThat(ExportDatasets.names())
        .contains(
            "streaming_sla_hourly",
            "streaming_sla_daily",
            "gpu_inventory",
            "payments_hourly",
            "economics_daily",
            "orchestrator_leaderboard",
            "streaming_demand_hourly")
        .doesNotContain("sessions", "raw_events");
    assertThat(ExportDatasets.all())
        .hasSize(
            (int)
                LakeCatalog.tables().stream()
                    .filter(t -> t.layer() == Layer.GOLD && t.published())
                    .count());
  }

  @Test
  void theWindowColumnIsTheDeclaredDatePartition() {
    assertThat(ExportDatasets.windowColumn(ExportDatasets.find("streaming_sla_hourly")))
        .contains("window_date");
    assertThat(ExportDatasets.windowColumn(ExportDatasets.find("orchestrator_leaderboard")))
        .contains("as_of_date");
    assertThat(ExportDatasets.windowColumn(ExportDatasets.find("request_jobs")))
        .contains("job_date");
    // Every gold table today has one; a table without would be exported whole.
    assertThat(ExportDatasets.all())
        .allSatisfy(t -> assertThat(ExportDatasets.windowColumn(t)).isPresent());
    assertThat(ExportDatasets.windowColumn(UNPARTITIONED)).isEmpty();
  }

  private static final TableDeclaration UNPARTITIONED =
      TableDeclaration.builder(Layer.GOLD, "whole")
          .comment("A table without a date partition.")
          .required("k", LakeType.string(), "Key.")
          .optional("m", LakeType.mapOf(LakeType.string(), LakeType.bigint()), "A map.")
          .keyedBy("k")
          .build();

  @Test
  void anUnknownDatasetIsBadDataListingTheValidOnes() {
    assertThatThrownBy(() -> ExportDatasets.find("sessions"))
        .isInstanceOfSatisfying(
            NaapException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_DATA))
        .hasMessageContaining("dataset 'sessions'")
        .hasMessageContaining("valid datasets: ")
        .hasMessageContaining("payments_hourly");
  }

  @Test
  void theQueryReadsThePinnedVersionInTheWindowInKeyOrder() {
    ExportQuery query =
        new ExportQuery(
            GoldNetworkTables.NETWORK_SUMMARY_HOURLY,
            LocalDate.parse("2026-01-08"),
            LocalDate.parse("2026-01-10"),
            7);
    // Keys first (window_start), then every other column as a tie-breaker.
    assertThat(query.orderColumns())
        .startsWith("window_start", "window_date", "active_orchestrators");
    assertThat(query.text())
        .startsWith("SELECT `window_start`, `window_date`, `active_orchestrators`, ")
        .contains(
            " FROM gold.network_summary_hourly VERSION AS OF 7 WHERE `window_date` >= DATE"
                + " '2026-01-08' AND `window_date` < DATE '2026-01-10' ORDER BY `window_start`"
                + " ASC NULLS FIRST, `window_date` ASC NULLS FIRST, ")
        .endsWith("`is_settled` ASC NULLS FIRST");
    assertThat(query.unordered("delta.`/lake/gold/network_summary_hourly`"))
        .contains("FROM delta.`/lake/gold/network_summary_hourly` VERSION AS OF 7 WHERE")
        .doesNotContain("ORDER BY");
  }

  @Test
  void aTableWithoutADateColumnIsQueriedWholeAndMapsAreNotSorted() {
    ExportQuery query =
        new ExportQuery(
            UNPARTITIONED, LocalDate.parse("2026-01-08"), LocalDate.parse("2026-01-09"), 3);
    assertThat(query.windowColumn()).isEmpty();
    assertThat(query.text())
        .isEqualTo("SELECT `k`, `m` FROM gold.whole VERSION AS OF 3 ORDER BY `k` ASC NULLS FIRST");
  }
}
