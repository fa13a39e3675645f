package io.naaplake.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsAndTrailingSlash() {
    BenchOptions options =
        BenchOptions.parse(new String[] {"--base-url", "http://127.0.0.1:8080/"});
    assertThat(options.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(options.requestsPerRoute()).isEqualTo(200);
    assertThat(options.concurrency()).isEqualTo(8);
    assertThat(options.budget()).isEqualTo(Duration.ofSeconds(120));
    assertThat(options.routeFilter()).isEmpty();
    assertThat(options.resolve("/v1/network/summary"))
        .isEqualTo(URI.create("http://127.0.0.1:8080/v1/network/summary"));
  }

  @Test
  void everyOption() {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {
              "--concurrency", "3",
              "--base-url", "http://[::1]:9000",
              "--requests-per-route", "50",
              "--max-seconds", "7",
              "--route-filter", "/v1/streaming"
            });
    assertThat(options)
        .isEqualTo(
            new BenchOptions(
                URI.create("http://[::1]:9000"),
                50,
                3,
                Duration.ofSeconds(7),
                Optional.of("/v1/streaming")));
    assertThat(BenchOptions.parse(new String[] {"--base-url", "http://LocalHost:1"}).baseUrl())
        .isEqualTo(URI.create("http://LocalHost:1"));
  }

  @Test
  void badCommandLinesAreRefusedWithTheReason() {
    assertRefused("--base-url is required", "--concurrency", "2");
    assertRefused("unknown option --port", "--base-url", "http://127.0.0.1:1", "--port", "1");
    assertRefused(
        "--concurrency needs a value", "--base-url", "http://127.0.0.1:1", "--concurrency");
    assertRefused(
        "--requests-per-route must be a whole number: ten",
        "--base-url",
        "http://127.0.0.1:1",
        "--requests-per-route",
        "ten");
    assertRefused(
        "--concurrency must be 1 to 256", "--base-url", "http://127.0.0.1:1", "--concurrency", "0");
    assertRefused(
        "--max-seconds must be at least 1",
        "--base-url",
        "http://127.0.0.1:1",
        "--max-seconds",
        "0");
    assertRefused("--base-url must be http://HOST:PORT", "--base-url", "localhost:8080");
    assertRefused("--base-url must be http://HOST:PORT", "--base-url", "ftp://127.0.0.1:21");
    assertRefused("--base-url is not a URL", "--base-url", "127.0.0.1:8080");
    assertRefused("refusing to benchmark http://[::2]:80", "--base-url", "http://[::2]:80");
    assertRefused("refusing to benchmark http://127.0.0.2:80", "--base-url", "http://127.0.0.2:80");
  }

  private static void assertRefused(String message, String... args) {
    assertThatThrownBy(() -> BenchOptions.parse(args))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
