package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.naaplake.api.ApiJson;
import io.naaplake.api.OpenApiValidator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An HTTP client for the API under test that checks every JSON answer against the server's own
 * {@code /openapi.json}: a route that returns a field the document does not declare, a wei amount
 * as a number, or a null where none is allowed fails the test that made the request.
 */
final class ApiClient {
  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final OpenApiValidator validator;
  private final JsonNode openApi;

  ApiClient(URI base) {
    this.base = base;
    Response spec = raw("/openapi.json", Map.of());
    assertThat(spec.status()).isEqualTo(200);
    this.openApi = spec.json();
    this.validator = new OpenApiValidator(openApi);
  }

  JsonNode openApi() {
    return openApi;
  }

  URI base() {
    return base;
  }

  /**
   * One answer.
   *
   * @param body the raw body
   */
  record Response(int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return ApiJson.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst()
          .map(e -> e.getValue().get(0))
          .orElse(null);
    }

    JsonNode data() {
      return json().get("data");
    }
  }

  /** GET a path (with its query string) and validate the answer against the document. */
  Response get(String pathAndQuery) {
    return get(pathAndQuery, Map.of());
  }

  Response get(String pathAndQuery, Map<String, String> headers) {
    Response response = raw(pathAndQuery, headers);
    String path = URI.create(pathAndQuery).getPath();
    // File routes answer the file itself (HTML, CSV, Parquet): only JSON answers are validated.
    boolean json = String.valueOf(response.header("Content-Type")).contains("json");
    boolean documented =
        path.startsWith("/v1/") || path.equals("/readyz") || path.equals("/healthz");
    if (documented && (json || response.status() == 304)) {
      JsonNode body = response.status() == 304 ? null : response.json();
      List<String> problems = validator.validate(path, response.status(), body);
      assertThat(problems)
          .as("%s answered %s, which must match /openapi.json", pathAndQuery, response.status())
          .isEmpty();
    }
    return response;
  }

  /** GET without validation. */
  Response raw(String pathAndQuery, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new AssertionError("GET " + pathAndQuery + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** GET an absolute URI without validation (hostile-input requests). */
  Response raw(URI uri) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new AssertionError("GET " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
