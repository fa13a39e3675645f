package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.naaplake.api.artifacts.ArtifactFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/reports} and {@code /v1/exports} over artifact directories laid out as the batch jobs
 * publish them: listing (newest window first, filters, keyset pages), metadata documents limited to
 * the declared fields, and byte-exact downloads with the file's SHA-256 as a strong ETag.
 */
class ArtifactRoutesIT {
  static final String DAILY = PublishedArtifacts.DAILY;
  static final String HOURLY = PublishedArtifacts.HOURLY;
  static final String EXPORT = PublishedArtifacts.EXPORT;
  static final String CSV = PublishedArtifacts.CSV;
  static final String HTML = PublishedArtifacts.HTML;

  private final ApiClient api = SharedApi.get().client();

  @Test
  void reportsAreListedNewestWindowFirstWithTheirDeclaredFieldsOnly() {
    JsonNode data = api.get("/v1/reports").data();
    // The hourly report's window starts at 21:00, after the daily one's 00:00.
    assertThat(ids(data, "id")).containsExactly(HOURLY, DAILY);
    JsonNode daily = data.get(1);
    assertThat(daily.get("kind").asText()).isEqualTo("daily");
    assertThat(daily.get("table_versions").get("gold.streaming_sla_hourly").asLong()).isEqualTo(12);
    assertThat(daily.has("undeclared_field")).isFalse();
    assertThat(ids(api.get("/v1/reports?kind=daily").data(), "id")).containsExactly(DAILY);
  }

  @Test
  void reportPagesFollowTheCursor() {
    JsonNode first = api.get("/v1/reports?limit=1").json();
    assertThat(ids(first.get("data"), "id")).containsExactly(HOURLY);
    assertThat(first.get("pagination").get("has_more").asBoolean()).isTrue();
    String cursor = first.get("pagination").get("next_cursor").asText();
    JsonNode second = api.get("/v1/reports?limit=1&cursor=" + cursor).json();
    assertThat(ids(second.get("data"), "id")).containsExactly(DAILY);
    assertThat(second.get("pagination").get("has_more").asBoolean()).isFalse();
    // A cursor belongs to its filters.
    assertThat(api.get("/v1/reports?limit=1&kind=hourly&cursor=" + cursor).status()).isEqualTo(400);
  }

  @Test
  void aReportDocumentListsItsFilesAndAnIncompleteReportIsNotFound() {
    JsonNode report = api.get("/v1/reports/" + DAILY).data();
    assertThat(report.get("window_end").asText()).isEqualTo("2026-01-09T00:00:00Z");
    assertThat(ids(report.get("files"), "name"))
        .containsExactly("report.html", "report.md", "sla_league.csv");
    assertThat(api.get("/v1/reports/daily-2026-01-09").status()).isEqualTo(404);
    assertThat(api.get("/v1/reports/not-an-id").status()).isEqualTo(400);
  }

  @Test
  void aReportFileIsServedByteForByteWithItsChecksumAsETag() {
    ApiClient.Response html = api.raw("/v1/reports/" + DAILY + "/files/report.html", Map.of());
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.body()).isEqualTo(HTML);
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.header("Content-Disposition")).startsWith("inline");
    assertThat(html.header("Content-Security-Policy")).contains("default-src 'none'");
    String sha = ArtifactFixtures.sha256(HTML.getBytes(StandardCharsets.UTF_8));
    assertThat(html.header("ETag")).isEqualTo("\"" + sha + "\"");
    ApiClient.Response again =
        api.raw(
            "/v1/reports/" + DAILY + "/files/report.html",
            Map.of("If-None-Match", "\"" + sha + "\""));
    assertThat(again.status()).isEqualTo(304);
    assertThat(documentedMediaTypes("/v1/reports/{id}/files/{name}"))
        .contains(html.header("Content-Type").split(";")[0]);
    // Unlisted, traversing or unknown-type names are refused without touching other files.
    assertThat(api.get("/v1/reports/" + DAILY + "/files/report.json").status()).isEqualTo(404);
    assertThat(api.raw("/v1/reports/" + DAILY + "/files/..%2Freport.json", Map.of()).status())
        .isIn(400, 404);
    assertThat(api.get("/v1/reports/" + DAILY + "/files/secret.sh").status()).isEqualTo(404);
  }

  @Test
  void exportsAreListedFilteredAndDownloadable() {
    JsonNode exports = api.get("/v1/exports?dataset=streaming_sla_hourly&format=csv").data();
    assertThat(ids(exports, "export_id")).containsExactly(EXPORT);
    assertThat(exports.get(0).get("row_count").asLong()).isEqualTo(1);
    assertThat(exports.get(0).get("window").get("column").asText()).isEqualTo("hour");
    assertThat(api.get("/v1/exports?dataset=payments_hourly").data()).isEmpty();
    JsonNode manifest = api.get("/v1/exports/" + EXPORT).data();
    assertThat(manifest.get("files").get(0).get("sha256").asText())
        .isEqualTo(ArtifactFixtures.sha256(CSV.getBytes(StandardCharsets.UTF_8)));

    ApiClient.Response csv =
        api.raw("/v1/exports/" + EXPORT + "/files/streaming_sla_hourly.csv", Map.of());
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).isEqualTo(CSV);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"streaming_sla_hourly.csv\"");
  }

  @Test
  void aNewReportIsListedAtOnce() throws IOException {
    String id = "hourly-2026-01-08T22";
    try {
      ArtifactFixtures.report(
          ApiItEnvironment.REPORTS_DIR,
          id,
          "2026-01-08T22:00:00Z",
          "2026-01-08T23:00:00Z",
          Map.of("report.md", "# hour\n"),
          true);
      assertThat(ids(api.get("/v1/reports?kind=hourly").data(), "id")).startsWith(id);
    } finally {
      try (Stream<Path> paths = Files.walk(ApiItEnvironment.REPORTS_DIR.resolve(id))) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  private List<String> documentedMediaTypes(String template) {
    List<String> types = new ArrayList<>();
    api.openApi()
        .get("paths")
        .get(template)
        .get("get")
        .get("responses")
        .get("200")
        .get("content")
        .fieldNames()
        .forEachRemaining(types::add);
    return types;
  }

  private static List<String> ids(JsonNode rows, String field) {
    List<String> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.get(field).asText()));
    return ids;
  }
}
