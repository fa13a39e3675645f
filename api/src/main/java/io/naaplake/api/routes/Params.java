package io.naaplake.api.routes;

import io.naaplake.api.QueryParams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The documented forms of the parameters many routes share, so every route says the same. */
final class Params {
  static final String ADDRESS_PATTERN = "^0x[0-9a-fA-F]{40}$";
  static final String FILTER_PATTERN = "^[A-Za-z0-9._:/@+()-]+( [A-Za-z0-9._:/@+()-]+)*$";

  /**
   * The real sample's orchestrator (present in the fixture lake): the docs' and the bench's
   * example.
   */
  static final String EXAMPLE_ADDRESS = "0xd00354656922168815fcd1e51cbddb9e359e3c7f";

  private Params() {}

  static ParamDoc start(Duration maxWindow) {
    return ParamDoc.instant(
        "start",
        "Inclusive start of the window, RFC 3339. Default: 24 h before end. The window may span at"
            + " most "
            + describe(maxWindow)
            + ".");
  }

  static ParamDoc end() {
    return ParamDoc.instant(
        "end", "Exclusive end of the window, RFC 3339. Default: now (the server's as-of time).");
  }

  /** {@code as_of} of the routes that serve a snapshot: a past state of the network. */
  static ParamDoc snapshotAt() {
    return ParamDoc.instant(
        "as_of",
        "Serve the newest snapshot at or before this time, RFC 3339 (the network as it was then)."
            + " Default: now (the server's as-of time); a later time is served as now, never a"
            + " snapshot the server's clock has not reached.");
  }

  /** The {@code as_of} a snapshot route serves: the parameter, at most {@code now}. */
  static Instant snapshotAt(QueryParams params, Instant now) {
    return params.instant("as_of").filter(at -> at.isBefore(now)).orElse(now);
  }

  static ParamDoc limit(int defaultLimit, int maxLimit) {
    return ParamDoc.integer(
        "limit",
        "Rows per page (default " + defaultLimit + ", max " + maxLimit + ").",
        1,
        maxLimit);
  }

  static ParamDoc cursor() {
    return ParamDoc.text(
        "cursor",
        "Opaque cursor from pagination.next_cursor of the previous page; valid for the same route"
            + " and filters only.",
        "^[A-Za-z0-9_-]+$");
  }

  static ParamDoc address(String name, String what) {
    return ParamDoc.text(name, what + ": 0x and 40 hex digits.", ADDRESS_PATTERN);
  }

  /** The gateway filter: any case matches (the lake stores gateways lower-cased). */
  static ParamDoc gateway(String what) {
    return ParamDoc.text(
        "gateway", what + ": address or host, in any case (exact match).", FILTER_PATTERN);
  }

  static ParamDoc filter(String name, String what) {
    return ParamDoc.text(name, what + " (exact match).", FILTER_PATTERN);
  }

  /**
   * The filters many routes share, by parameter name: the documented parameter and the column it
   * matches when the column has the usual name.
   */
  static final java.util.Map<String, ParamDoc> STANDARD_FILTERS =
      java.util.Map.of(
          "orchestrator", address("orchestrator", "Orchestrator address"),
          "pipeline", filter("pipeline", "Pipeline"),
          "model", filter("model", "Model id"),
          "gpu", filter("gpu", "GPU id (reported UUID)"),
          "gpu_model", filter("gpu_model", "GPU model name"),
          "org", filter("org", "Publishing org"),
          "gateway", gateway("Gateway"));

  static final java.util.Map<String, String> STANDARD_COLUMNS =
      java.util.Map.of(
          "orchestrator", "orchestrator_address",
          "pipeline", "pipeline",
          "model", "model_id",
          "gpu", "gpu_id",
          "gpu_model", "gpu_model_name",
          "org", "org",
          "gateway", "gateway");

  static ParamDoc standard(String name) {
    ParamDoc doc = STANDARD_FILTERS.get(name);
    if (doc == null) {
      throw new IllegalArgumentException("no standard filter " + name);
    }
    return doc;
  }

  static List<ParamDoc> paging(int defaultLimit, int maxLimit) {
    return List.of(limit(defaultLimit, maxLimit), cursor());
  }

  static String describe(Duration duration) {
    return duration.toHours() % 24 == 0 ? duration.toDays() + " days" : duration.toHours() + " h";
  }

  /** The validated value of a filter parameter, by its documented kind. */
  static java.util.Optional<String> value(QueryParams params, ParamDoc doc) {
    if (doc.pattern().map(ADDRESS_PATTERN::equals).orElse(false)) {
      return params.address(doc.name());
    }
    if (!doc.enumValues().isEmpty()) {
      return params.choice(doc.name(), new java.util.TreeSet<>(doc.enumValues()));
    }
    if (doc.name().equals("gateway")) {
      return params.gateway(doc.name());
    }
    return params.filter(doc.name());
  }
}
