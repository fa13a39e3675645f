package io.naaplake.api.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactDirectoryTest {
  @TempDir Path root;
  private ArtifactDirectory reports;

  @BeforeEach
  void writeReports() throws IOException {
    ArtifactFixtures.report(
        root,
        "daily-2026-01-08",
        "2026-01-08T00:00:00Z",
        "2026-01-09T00:00:00Z",
        Map.of("report.html", "<p>85.0</p>", "sla.csv", "orchestrator,sla_score\n0xd0,85.0\n"),
        true);
    // No report.json yet: a report being written.
    ArtifactFixtures.report(
        root,
        "daily-2026-01-09",
        "2026-01-09T00:00:00Z",
        "2026-01-10T00:00:00Z",
        Map.of("report.html", "<p>partial</p>"),
        false);
    reports = new ArtifactDirectory(root, ArtifactDirectory.Kind.REPORTS);
  }

  @Test
  void listsOnlyCompleteArtifactsWithValidIds() throws IOException {
    Files.createDirectories(root.resolve("not-a-report"));
    Files.writeString(root.resolve("not-a-report/report.json"), "{\"id\":\"not-a-report\"}");
    assertThat(reports.list())
        .extracting(m -> m.get("id").asText())
        .containsExactly("daily-2026-01-08");
    assertThat(reports.metadata("daily-2026-01-09")).isEmpty();
  }

  @Test
  void metadataThatNamesAnotherIdOrIsNotJsonIsNotServed() throws IOException {
    Path dir = Files.createDirectories(root.resolve("daily-2026-01-07"));
    Files.writeString(dir.resolve("report.json"), "{\"id\":\"daily-2026-01-08\"}");
    Path broken = Files.createDirectories(root.resolve("daily-2026-01-06"));
    Files.writeString(broken.resolve("report.json"), "{\"id\":");
    assertThat(reports.metadata("daily-2026-01-07")).isEmpty();
    assertThat(reports.metadata("daily-2026-01-06")).isEmpty();
    assertThat(reports.list()).hasSize(1);
  }

  @Test
  void servesOnlyFilesTheMetadataLists() throws IOException {
    Files.writeString(root.resolve("daily-2026-01-08/secret.txt"), "not listed");
    ArtifactDirectory.ArtifactFile html =
        reports.file("daily-2026-01-08", "report.html").orElseThrow();
    assertThat(html.path()).isEqualTo(root.resolve("daily-2026-01-08/report.html"));
    assertThat(html.sha256()).isEqualTo(ArtifactFixtures.sha256("<p>85.0</p>".getBytes()));
    assertThat(reports.file("daily-2026-01-08", "secret.txt")).isEmpty();
    assertThat(reports.file("daily-2026-01-08", "report.json")).isEmpty();
  }

  @Test
  void pathsCannotEscapeTheDirectory() {
    assertThat(reports.metadata("../daily-2026-01-08")).isEmpty();
    assertThat(reports.metadata("daily-2026-01-08/..")).isEmpty();
    assertThat(reports.file("daily-2026-01-08", "../daily-2026-01-08/report.html")).isEmpty();
    assertThat(reports.file("daily-2026-01-08", "..")).isEmpty();
    assertThat(reports.file("daily-2026-01-08", ".hidden")).isEmpty();
  }

  @Test
  void aListedFileThatIsMissingIsNotServed() throws IOException {
    Files.delete(root.resolve("daily-2026-01-08/sla.csv"));
    assertThat(reports.file("daily-2026-01-08", "sla.csv")).isEmpty();
  }

  @Test
  void aMissingDirectoryListsNothing() {
    JsonNode none =
        new ArtifactDirectory(root.resolve("absent"), ArtifactDirectory.Kind.EXPORTS)
            .list().stream().findFirst().orElse(null);
    assertThat(none).isNull();
  }
}
