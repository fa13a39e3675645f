package io.naaplake.api.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The bench's HTTP client: one {@link HttpClient} shared by every worker (its connection pool keeps
 * one keep-alive connection per busy worker), with timeouts so a hung server ends the request
 * rather than the bench.
 */
public final class RouteClient {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client =
      HttpClient.newBuilder()
          // HTTP/1.1 as browsers and curl send it in clear text; HTTP/2 would add an upgrade
          // attempt to the first request and change what is measured.
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** A document the bench needs (the OpenAPI description); a transport failure is thrown. */
  public HttpResponse<String> fetch(URI uri) throws IOException, InterruptedException {
    return client.send(request(uri, Optional.empty()), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * One timed request whose body is read and dropped; a transport failure becomes a failed sample.
   *
   * @param ifNoneMatch the {@code If-None-Match} header to send, if any
   */
  public Sample probe(URI uri, Optional<String> ifNoneMatch) throws InterruptedException {
    HttpRequest request = request(uri, ifNoneMatch);
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      long latency = System.nanoTime() - start;
      return Sample.answered(response.statusCode(), latency, response.headers().firstValue("ETag"));
    } catch (IOException e) {
      return Sample.failed(
          System.nanoTime() - start, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static HttpRequest request(URI uri, Optional<String> ifNoneMatch) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
    ifNoneMatch.ifPresent(etag -> builder.header("If-None-Match", etag));
    return builder.build();
  }
}
