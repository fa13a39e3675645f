package io.naaplake.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.api.ApiServer;
import io.naaplake.api.HostileInputsAccess;
import io.naaplake.api.routes.Route;
import io.naaplake.api.routes.RouteDoc;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated bad and malicious parameter values (SQL injection, huge numbers, unicode,
 * control characters, empty and repeated parameters, path traversal, forged cursors) against every
 * route of the real server: no answer is a 5xx, and every refusal is a 400 problem document. The
 * only other refusal allowed is Jetty's 414 or 431 (as problem+json) for a request line over {@link
 * ApiServer#MAX_REQUEST_HEADER_BYTES}, which never reaches the application; it is counted and must
 * carry the problem type too.
 */
class HostileInputIT {
  /**
   * Per route; 30 data and artifact routes × 110 = 3,300 requests (some refused before sending).
   */
  static final int PER_ROUTE = 110;

  static final long SEED = 20261128L;

  @Test
  void noHostileValueCausesA5xxAndEveryRefusalIsAProblem() {
    SharedApi shared = SharedApi.get();
    List<RouteDoc> docs = shared.service().routes().stream().map(Route::doc).toList();
    URI base = shared.client().base();
    List<URI> requests = HostileInputsAccess.requests(base, docs, SEED, PER_ROUTE);
    assertThat(requests.size()).isGreaterThanOrEqualTo(2000);

    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> bad = new ArrayList<>();
    int oversized = 0;
    for (URI uri : requests) {
      ApiClient.Response response = shared.client().raw(uri);
      int status = response.status();
      statuses.merge(status, 1, Integer::sum);
      String type = String.valueOf(response.header("Content-Type"));
      boolean problem = type.startsWith("application/problem+json");
      boolean fine =
          status == 200
              || (status == 400 && problem)
              // A well-formed address no orchestrator has: the profile routes' 404 problem.
              || (status == 404 && problem && uri.getPath().matches("/v1/.*/0x[0-9a-fA-F]{40}"))
              // A report or export id (or file name, any characters, line breaks too) the
              // directories
              // do not hold.
              || (status == 404 && problem && uri.getPath().matches("(?s)/v1/(reports|exports)/.+"))
              || ((status == 414 || status == 431)
                  && problem
                  && uri.toString().length() > ApiServer.MAX_REQUEST_HEADER_BYTES);
      if (status == 414 || status == 431) {
        oversized++;
      }
      if (!fine && bad.size() < 20) {
        bad.add(
            status
                + " "
                + type
                + " "
                + abbreviate(uri.toString())
                + " -> "
                + abbreviate(response.body()));
      }
    }
    System.out.println(
        "[hostile] "
            + requests.size()
            + " requests, statuses "
            + statuses
            + ", oversized "
            + oversized);
    assertThat(statuses.keySet()).noneMatch(s -> s >= 500);
    assertThat(bad).isEmpty();
    // The bulk really was refused (not silently served): most values are invalid.
    assertThat(statuses.getOrDefault(400, 0)).isGreaterThan(requests.size() / 2);
    // And the server is still fine afterwards.
    assertThat(shared.client().get("/v1/leaderboard").status()).isEqualTo(200);
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text;
  }
}
