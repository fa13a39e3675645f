package io.naaplake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  private static Settings settings(String key, String value) {
    return Settings.of(Map.of(key, value));
  }

  private static void assertBadConfiguration(ThrowingCallable call, String key, String value) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            NaapException.class,
            e -> {
              assertThat(e.category()).isEqualTo(ErrorCategory.FATAL);
              assertThat(e.code()).isEqualTo("BAD_CONFIGURATION");
            })
        .hasMessageContaining(key + "='" + value + "'");
  }

  @Test
  void explicitKeyWinsOverEnvironmentStyleKey() {
    Settings settings =
        Settings.of(Map.of("naap.foo.bar", "explicit", "env:NAAP_FOO_BAR", "environment"));
    assertThat(settings.string("naap.foo.bar", "default")).isEqualTo("explicit");
  }

  @Test
  void precedenceIsSystemPropertyThenEnvironmentThenFile(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("naap.properties");
    java.nio.file.Files.writeString(
        file, "naap.a=file\nnaap.b=file\nnaap.c=file\nnaap.kafka.client.x=file\n");
    Settings settings =
        Settings.from(
            Map.of("naap.a", "property", "naap.config", file.toString(), "other.key", "ignored"),
            Map.of("NAAP_A", "environment", "NAAP_B", "environment", "PATH", "/bin"));
    assertThat(settings.string("naap.a", "default")).isEqualTo("property");
    assertThat(settings.string("naap.b", "default")).isEqualTo("environment");
    assertThat(settings.string("naap.c", "default")).isEqualTo("file");
    assertThat(settings.string("naap.d", "default")).isEqualTo("default");
    assertThat(settings.withPrefix("naap.kafka.client.")).containsOnly(Map.entry("x", "file"));
  }

  @Test
  void environmentNamesMatchDotsAndDashesAlike() {
    Settings settings = Settings.from(Map.of(), Map.of("NAAP_KAFKA_BOOTSTRAP_SERVERS", "k:1"));
    assertThat(settings.string("naap.kafka.bootstrap-servers", "default")).isEqualTo("k:1");
    assertThat(Settings.environmentName("naap.kafka.bootstrap-servers"))
        .isEqualTo("NAAP_KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void unitOverflowIsABadConfiguration() {
    assertBadConfiguration(
        () -> settings("naap.d", "99999999999999999999s").duration("naap.d", null),
        "naap.d",
        "99999999999999999999s");
    assertBadConfiguration(
        () -> settings("naap.s", "9999999999999GB").dataSize("naap.s", null),
        "naap.s",
        "9999999999999GB");
  }

  @Test
  void missingKeysGiveTheDefaultAndValuesAreTrimmed() {
    Settings settings = settings("naap.name", "  lake  ");
    assertThat(settings.string("naap.name", "default")).isEqualTo("lake");
    assertThat(settings.string("naap.other", "default")).isEqualTo("default");
    assertThat(settings.optionalString("naap.name")).contains("lake");
    assertThat(settings.optionalString("naap.other")).isEmpty();
    assertThat(settings("naap.blank", "   ").optionalString("naap.blank")).isEmpty();
  }

  @Test
  void withReplacesSomeKeys() {
    Settings settings =
        Settings.of(Map.of("naap.a", "1", "naap.b", "2")).with(Map.of("naap.b", "3"));
    assertThat(settings.explicitValues())
        .containsOnly(Map.entry("naap.a", "1"), Map.entry("naap.b", "3"));
  }

  @Test
  void numbersAndBooleans() {
    assertThat(settings("naap.n", "42").integer("naap.n", 1)).isEqualTo(42);
    assertThat(settings("naap.n", "9000000000").longValue("naap.n", 1)).isEqualTo(9_000_000_000L);
    assertThat(settings("naap.flag", "TRUE").bool("naap.flag", false)).isTrue();
    assertThat(Settings.of(Map.of()).integer("naap.n", 7)).isEqualTo(7);
    assertBadConfiguration(() -> settings("naap.n", "4x").integer("naap.n", 1), "naap.n", "4x");
    assertBadConfiguration(() -> settings("naap.n", "1.5").longValue("naap.n", 1), "naap.n", "1.5");
    assertBadConfiguration(
        () -> settings("naap.flag", "yes").bool("naap.flag", false), "naap.flag", "yes");
  }

  @Test
  void durationsWithUnits() {
    assertThat(settings("naap.d", "500ms").duration("naap.d", null))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(settings("naap.d", "30s").duration("naap.d", null))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(settings("naap.d", "5m").duration("naap.d", null)).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings("naap.d", "2h").duration("naap.d", null)).isEqualTo(Duration.ofHours(2));
    assertThat(settings("naap.d", "7d").duration("naap.d", null)).isEqualTo(Duration.ofDays(7));
    assertThat(settings("naap.d", " 5 m ").duration("naap.d", null))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(Settings.of(Map.of()).duration("naap.d", Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void badDurationsAreBadConfiguration() {
    for (String bad : List.of("5", "5 minutes", "1.5s", "-1s", "5M", "s")) {
      assertBadConfiguration(() -> settings("naap.d", bad).duration("naap.d", null), "naap.d", bad);
    }
  }

  @Test
  void sizesWithBinaryUnits() {
    assertThat(settings("naap.s", "512B").dataSize("naap.s", null))
        .isEqualTo(DataSize.ofBytes(512));
    assertThat(settings("naap.s", "64kB").dataSize("naap.s", null))
        .isEqualTo(DataSize.ofKilobytes(64));
    assertThat(settings("naap.s", "64KB").dataSize("naap.s", null))
        .isEqualTo(DataSize.ofBytes(65_536));
    assertThat(settings("naap.s", "1MB").dataSize("naap.s", null))
        .isEqualTo(DataSize.ofMegabytes(1));
    assertThat(settings("naap.s", "2GB").dataSize("naap.s", null))
        .isEqualTo(DataSize.ofBytes(2L * 1024 * 1024 * 1024));
    assertThat(Settings.of(Map.of()).dataSize("naap.s", DataSize.ofBytes(1)))
        .isEqualTo(DataSize.ofBytes(1));
  }

  @Test
  void badSizesAreBadConfiguration() {
    for (String bad : List.of("512", "1mb", "1TB", "1.5GB", "-1B", "MB")) {
      assertBadConfiguration(() -> settings("naap.s", bad).dataSize("naap.s", null), "naap.s", bad);
    }
  }

  @Test
  void listsDropBlanks() {
    assertThat(settings("naap.l", " a, b,,c , ").list("naap.l", List.of()))
        .containsExactly("a", "b", "c");
    assertThat(Settings.of(Map.of()).list("naap.l", List.of("x"))).containsExactly("x");
  }

  @Test
  void pairsKeepTheirOrder() {
    assertThat(
            settings("naap.p", "network_events:daydream, streaming_events:cloudspe")
                .pairs("naap.p", Map.of()))
        .containsExactly(
            Map.entry("network_events", "daydream"), Map.entry("streaming_events", "cloudspe"));
    assertThat(settings("naap.p", "url:http://host:8080").pairs("naap.p", Map.of()))
        .containsExactly(Map.entry("url", "http://host:8080"));
    assertThat(Settings.of(Map.of()).pairs("naap.p", Map.of("a", "b"))).containsEntry("a", "b");
  }

  @Test
  void malformedPairsAreBadConfiguration() {
    for (String bad : List.of("topic", "topic:", ":org", "a:b,c")) {
      assertBadConfiguration(
          () -> settings("naap.p", bad).pairs("naap.p", Map.of()), "naap.p", bad);
    }
  }

  @Test
  void requirePositiveRefusesZeroAndNegatives() {
    assertThat(Settings.requirePositive("naap.n", 3)).isEqualTo(3);
    assertBadConfiguration(() -> Settings.requirePositive("naap.n", 0), "naap.n", "0");
    assertBadConfiguration(() -> Settings.requirePositive("naap.n", -2), "naap.n", "-2");
  }

  /** Reads system properties, so it sets its own and removes them again. */
  @Test
  void systemPropertiesWinOverTheConfigFile(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("naap.properties");
    Files.writeString(file, "naap.settings-test.both=file\nnaap.settings-test.file-only=file\n");
    System.setProperty("naap.config", file.toString());
    System.setProperty("naap.settings-test.both", "property");
    try {
      Settings settings = Settings.fromEnvironment();
      assertThat(settings.string("naap.settings-test.both", "default")).isEqualTo("property");
      assertThat(settings.string("naap.settings-test.file-only", "default")).isEqualTo("file");
    } finally {
      System.clearProperty("naap.config");
      System.clearProperty("naap.settings-test.both");
    }
  }

  @Test
  void unreadableConfigFileIsBadConfiguration(@TempDir Path directory) {
    String missing = directory.resolve("missing.properties").toString();
    System.setProperty("naap.config", missing);
    try {
      assertBadConfiguration(Settings::fromEnvironment, "naap.config", missing);
    } finally {
      System.clearProperty("naap.config");
    }
  }
}
