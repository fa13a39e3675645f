package io.naaplake.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.Settings;
import io.naaplake.errors.NaapException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotebooksConfigTest {

  @Test
  void defaults() {
    assertThat(NotebooksConfig.from(Settings.of(Map.of())))
        .isEqualTo(
            new NotebooksConfig(
                "jdbc:trino://127.0.0.1:18080",
                "delta",
                "researcher",
                50,
                Duration.ofMinutes(2),
                Path.of("notebooks")));
  }

  @Test
  void explicitMapping() {
    Map<String, String> values =
        Map.of(
            "naap.trino.url", "jdbc:trino://trino:8443?SSL=true",
            "naap.trino.catalog", "lake",
            "naap.notebooks.trino-user", "analyst",
            "naap.notebooks.max-rows", "7",
            "naap.notebooks.query-timeout", "30s",
            "naap.notebooks.dir", "/srv/notebooks");
    assertThat(NotebooksConfig.from(Settings.of(values)))
        .isEqualTo(
            new NotebooksConfig(
                "jdbc:trino://trino:8443?SSL=true",
                "lake",
                "analyst",
                7,
                Duration.ofSeconds(30),
                Path.of("/srv/notebooks")));
  }

  @Test
  void refusesThePipelineUserAndNonsense() {
    assertThatThrownBy(() -> config("naap.notebooks.trino-user", "naap_pipeline"))
        .isInstanceOf(NaapException.class)
        .hasMessageContaining("naap.notebooks.trino-user")
        .hasMessageContaining("not the pipeline user");
    assertThatThrownBy(() -> config("naap.trino.url", "http://127.0.0.1:18080"))
        .hasMessageContaining("naap.trino.url");
    assertThatThrownBy(() -> config("naap.notebooks.max-rows", "0"))
        .hasMessageContaining("naap.notebooks.max-rows");
    assertThatThrownBy(() -> config("naap.notebooks.query-timeout", "500ms"))
        .hasMessageContaining("naap.notebooks.query-timeout");
  }

  private static NotebooksConfig config(String key, String value) {
    return NotebooksConfig.from(Settings.of(Map.of(key, value)));
  }
}
