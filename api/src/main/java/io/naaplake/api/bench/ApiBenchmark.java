package io.naaplake.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.naaplake.api.ApiJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./naap bench api}: a load driver for an API server already running on this machine. It
 * reads the routes from the server's {@code /openapi.json} and runs four phases:
 *
 * <ol>
 *   <li><b>cold</b>: each route once, sequentially, in document order; meant to run right after the
 *       server starts, so it measures the uncached cost;
 *   <li><b>warm-up</b>: each route once more, untimed;
 *   <li><b>warm</b>: {@code --requests-per-route} requests per route from {@code --concurrency}
 *       workers;
 *   <li><b>conditional</b>: each route once with {@code If-None-Match} set to the ETag it last
 *       answered with, counting 304s.
 * </ol>
 *
 * The {@code --max-seconds} budget covers the whole run: no request starts once it is spent (the
 * report names the phase), so the run overruns it by at most one request timeout (30 s). Prints one
 * table per timed phase and a summary line. Exit code 0 when every request got an answer (whatever
 * its status), 1 when some got none (or the routes could not be read), 2 for a bad command line,
 * including a base URL that is not loopback.
 */
public final class ApiBenchmark {
  private static final String OPENAPI_PATH = "/openapi.json";

  private final BenchOptions options;
  private final RouteClient client;
  private final PrintStream out;
  private final long deadlineNanos;
  private final AtomicReference<String> budgetSpentDuring = new AtomicReference<>();

  /** The ETag each route last answered with in a sequential phase. */
  private final Map<String, String> lastEtags = new HashMap<>();

  private ApiBenchmark(BenchOptions options, PrintStream out) {
    this.options = options;
    this.client = new RouteClient();
    this.out = out;
    this.deadlineNanos = System.nanoTime() + options.budget().toNanos();
  }

  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  /**
   * Runs the bench for a command line and returns the process exit code, so tests need not exit.
   */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    if (List.of(args).contains("--help")) {
      out.println(BenchOptions.USAGE);
      return 0;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("bench api: " + e.getMessage());
      err.println(BenchOptions.USAGE);
      return 2;
    }
    try {
      BenchResult result = run(options, out);
      if (result.routes().isEmpty()) {
        err.println(
            "bench api: "
                + options.resolve(OPENAPI_PATH)
                + " lists no GET route under /v1/ to request"
                + options.routeFilter().map(prefix -> " starting with " + prefix).orElse(""));
        return 1;
      }
      if (result.exitCode() != 0) {
        err.printf(
            Locale.ROOT,
            "bench api: %d of %d requests got no answer (first: %s)%n",
            result.transportFailures(),
            result.requestsSent(),
            result.firstFailure().orElse("?"));
      }
      return result.exitCode();
    } catch (IOException e) {
      err.println(
          "bench api: cannot read the routes from "
              + options.resolve(OPENAPI_PATH)
              + ": "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("bench api: interrupted");
      return 1;
    }
  }

  /**
   * Runs every phase against the server and prints the report to {@code out}.
   *
   * @throws IOException when {@code /openapi.json} cannot be fetched or parsed
   */
  public static BenchResult run(BenchOptions options, PrintStream out)
      throws IOException, InterruptedException {
    return new ApiBenchmark(options, out).run();
  }

  private BenchResult run() throws IOException, InterruptedException {
    RouteDiscovery.Discovered discovered =
        RouteDiscovery.discover(openApi(), options.routeFilter());
    List<BenchRoute> routes = discovered.routes();
    out.printf(
        Locale.ROOT,
        "%d GET routes under /v1/ from %s, %d skipped (no example for a path parameter)%n",
        routes.size(),
        options.resolve(OPENAPI_PATH),
        discovered.skipped().size());
    if (routes.isEmpty()) {
      PhaseResult none = PhaseResult.of("none", List.of(), 0);
      return new BenchResult(
          routes, discovered.skipped(), none, none, none, none, 0, Optional.empty());
    }
    out.println(
        "cold: assumes the server was started just before the bench, so its response cache is"
            + " empty and each route's first request below is uncached");
    PhaseResult cold = sequential("cold", routes, false);
    PhaseResult warmup = sequential("warm-up", routes, false);
    int routesWithEtag = lastEtags.size();
    out.printf(
        Locale.ROOT,
        "warm: %d requests per route from %d workers%n",
        options.requestsPerRoute(),
        options.concurrency());
    PhaseResult warm = parallel("warm", routes);
    PhaseResult conditional = sequential("conditional", routes, true);
    BenchResult result =
        new BenchResult(
            routes,
            discovered.skipped(),
            cold,
            warmup,
            warm,
            conditional,
            routesWithEtag,
            Optional.ofNullable(budgetSpentDuring.get()));
    out.println();
    out.print(BenchReport.render(result, options));
    out.flush();
    return result;
  }

  private JsonNode openApi() throws IOException, InterruptedException {
    URI uri = options.resolve(OPENAPI_PATH);
    HttpResponse<String> response = client.fetch(uri);
    if (response.statusCode() != 200) {
      throw new IOException("GET " + uri + " answered " + response.statusCode());
    }
    return ApiJson.MAPPER.readTree(response.body());
  }

  /**
   * One request per route in document order, from this thread.
   *
   * @param conditional whether to send {@code If-None-Match} with the route's last ETag
   */
  private PhaseResult sequential(String phase, List<BenchRoute> routes, boolean conditional)
      throws InterruptedException {
    List<RouteSamples> perRoute = samplesOf(routes);
    long start = System.nanoTime();
    for (RouteSamples route : perRoute) {
      if (!budgetLeft(phase)) {
        break;
      }
      String template = route.route().template();
      Optional<String> ifNoneMatch =
          conditional ? Optional.ofNullable(lastEtags.get(template)) : Optional.empty();
      Sample sample = client.probe(route.uri(), ifNoneMatch);
      route.add(sample);
      sample.etag().ifPresent(etag -> lastEtags.put(template, etag));
    }
    return PhaseResult.of(phase, perRoute, System.nanoTime() - start);
  }

  /**
   * {@code requests-per-route} requests per route from a fixed pool of workers pulling from one
   * shared counter. Request i goes to route i modulo the route count, so the routes interleave and
   * a budget cut-off leaves them with about the same number of requests.
   */
  private PhaseResult parallel(String phase, List<BenchRoute> routes) throws InterruptedException {
    List<RouteSamples> perRoute = samplesOf(routes);
    int total = routes.size() * options.requestsPerRoute();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger workerNumber = new AtomicInteger();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            options.concurrency(),
            task -> {
              Thread thread = new Thread(task, "bench-worker-" + workerNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    long start = System.nanoTime();
    for (int w = 0; w < options.concurrency(); w++) {
      workers.execute(
          () -> {
            while (budgetLeft(phase)) {
              int i = next.getAndIncrement();
              if (i >= total) {
                return;
              }
              RouteSamples route = perRoute.get(i % perRoute.size());
              try {
                route.add(client.probe(route.uri(), Optional.empty()));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          });
    }
    workers.shutdown();
    // Workers stop at the deadline and each request times out, so this wait is bounded; the
    // slack only guards against a server that trickles a body forever.
    long waitNanos =
        Math.max(0, deadlineNanos - System.nanoTime())
            + RouteClient.REQUEST_TIMEOUT.toNanos()
            + Duration.ofSeconds(5).toNanos();
    if (!workers.awaitTermination(waitNanos, TimeUnit.NANOSECONDS)) {
      workers.shutdownNow();
      budgetSpentDuring.compareAndSet(null, phase);
    }
    return PhaseResult.of(phase, perRoute, System.nanoTime() - start);
  }

  private List<RouteSamples> samplesOf(List<BenchRoute> routes) {
    return routes.stream().map(r -> new RouteSamples(r, options.resolve(r.path()))).toList();
  }

  /** Whether time is left; the first phase to find none is reported as where the run stopped. */
  private boolean budgetLeft(String phase) {
    if (System.nanoTime() - deadlineNanos < 0) {
      return true;
    }
    budgetSpentDuring.compareAndSet(null, phase);
    return false;
  }
}
