package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.naaplake.api.ApiConfig;
import io.naaplake.api.ApiServer;
import io.naaplake.api.TokenBucketRateLimiter;
import io.naaplake.api.routes.RouteCatalog;
import io.naaplake.api.serve.ApiService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-client-IP token bucket on a real server (its own, with a tiny limit: 1 request per
 * second, burst 5): one client's burst is refused with 429 and Retry-After, while a second client
 * (another loopback source address, 127.0.0.2) is served.
 */
class RateLimitIT {
  private static ApiService service;
  private static Javalin app;

  @BeforeAll
  static void start() {
    ApiConfig config =
        ApiItEnvironment.config(
            Map.of("naap.api.rate-limit.rps", "1", "naap.api.rate-limit.burst", "5"));
    service = new ApiService(config, RouteCatalog::routes);
    service.start();
    app = ApiServer.create(service, TokenBucketRateLimiter.of(config)).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    app.stop();
    service.close();
  }

  /** A raw HTTP/1.1 GET from a chosen local address; returns the status line and headers. */
  private static String get(String localAddress, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 2000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      return response.toString(StandardCharsets.UTF_8);
    }
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  @Test
  void aBurstOverTheLimitIs429WithRetryAfterAndOtherClientsAreServed() throws IOException {
    int served = 0;
    String refused = null;
    // The bucket holds 5 tokens and refills 1 per second; 12 quick requests overdraw it.
    for (int i = 0; i < 12; i++) {
      String response = get("127.0.0.1", "/v1/leaderboard");
      if (status(response) == 200) {
        served++;
      } else if (refused == null) {
        refused = response;
      }
    }
    assertThat(served).isBetween(5, 7);
    assertThat(refused).isNotNull();
    assertThat(status(refused)).isEqualTo(429);
    assertThat(refused.toLowerCase()).contains("retry-after: ");
    assertThat(refused).contains("application/problem+json").contains("\"status\":429");

    // Another client is unaffected by the first one's empty bucket.
    assertThat(status(get("127.0.0.2", "/v1/leaderboard"))).isEqualTo(200);
  }
}
