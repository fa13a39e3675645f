package io.naaplake.api.routes;

import static io.naaplake.api.routes.SchemaNodes.NODES;
import static io.naaplake.api.routes.SchemaNodes.componentRef;
import static io.naaplake.api.routes.SchemaNodes.described;
import static io.naaplake.api.routes.SchemaNodes.typed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.api.ApiServer;
import io.naaplake.api.Problem;
import java.util.List;

/** The OpenAPI response objects of the routes, with the headers the server sends on each. */
final class Responses {

  static final String JSON = "application/json";

  /**
   * The error answers every data route may give, in status order, with what each means here. 405 is
   * left out: only GET is documented, and every other method is refused the same way.
   */
  private static final List<ProblemAnswer> PROBLEMS =
      List.of(
          new ProblemAnswer(
              400,
              "Bad Request: a parameter is malformed, out of range or not accepted by this route.",
              false),
          new ProblemAnswer(
              404, "Not Found: no such route, or no such entity for a path parameter.", false),
          new ProblemAnswer(
              429,
              "Too Many Requests: over the per-client rate limit; retry after Retry-After seconds.",
              true),
          new ProblemAnswer(
              500, "Internal Server Error: quote the request_id when reporting it.", false),
          new ProblemAnswer(
              503,
              "Service Unavailable: the query engine did not answer; retry after Retry-After"
                  + " seconds.",
              true),
          new ProblemAnswer(
              504, "Gateway Timeout: the query ran past the API's time limit.", false));

  /** An error status a route may answer with a problem document. */
  private record ProblemAnswer(int status, String description, boolean retryAfter) {}

  /** The responses of a data route whose 200 body is the component schema {@code bodySchema}. */
  static ObjectNode ofDataRoute(String bodySchema) {
    return withCacheAndProblems(json("OK", componentRef(bodySchema)), 600);
  }

  /**
   * The responses of a route serving an artifact file: its bytes in one of {@code mediaTypes}, with
   * a strong ETag (the file's SHA-256), or a problem. Files never wait on Trino, so no 503 or 504.
   */
  static ObjectNode ofFileRoute(java.util.Collection<String> mediaTypes) {
    ObjectNode ok = NODES.objectNode();
    ok.put("description", "The file's bytes; ETag is its SHA-256 as listed in the metadata");
    ObjectNode content = ok.putObject("content");
    for (String mediaType : new java.util.TreeSet<>(mediaTypes)) {
      ObjectNode schema = typed("string");
      schema.put("contentMediaType", mediaType);
      content.putObject(mediaType).set("schema", schema);
    }
    return withCacheAndProblems(ok, 503);
  }

  /** {@code ok} as the 200, a 304, and every problem answer below status {@code problemsBelow}. */
  private static ObjectNode withCacheAndProblems(ObjectNode ok, int problemsBelow) {
    ObjectNode responses = NODES.objectNode();
    addCacheHeaders(ok);
    responses.set("200", ok);
    ObjectNode notModified = NODES.objectNode();
    notModified.put("description", "Not Modified: the ETag matched");
    addCacheHeaders(notModified);
    responses.set("304", notModified);
    for (ProblemAnswer answer : PROBLEMS) {
      if (answer.status() < problemsBelow) {
        responses.set(Integer.toString(answer.status()), problem(answer));
      }
    }
    return responses;
  }

  /** A response with a JSON body. */
  static ObjectNode json(String description, ObjectNode schema) {
    return withBody(description, JSON, schema);
  }

  /** A response with a body of {@code mediaType}. */
  static ObjectNode withBody(String description, String mediaType, ObjectNode schema) {
    ObjectNode response = NODES.objectNode();
    response.put("description", description);
    response.putObject("content").putObject(mediaType).set("schema", schema);
    return response;
  }

  private static ObjectNode problem(ProblemAnswer answer) {
    ObjectNode response =
        withBody(answer.description(), Problem.CONTENT_TYPE, componentRef(StandardSchemas.PROBLEM));
    ObjectNode headers = response.putObject("headers");
    if (answer.retryAfter()) {
      headers.set(
          "Retry-After",
          header(
              described(typed("integer"), "Seconds to wait before retrying.").put("minimum", 0)));
    }
    headers.set(ApiServer.REQUEST_ID_HEADER, requestIdHeader());
    return response;
  }

  private static void addCacheHeaders(ObjectNode response) {
    ObjectNode headers = response.putObject("headers");
    headers.set(
        "ETag",
        header(
            described(
                typed("string"),
                "Identifies this representation; send it as If-None-Match to get a 304.")));
    headers.set(ApiServer.REQUEST_ID_HEADER, requestIdHeader());
  }

  private static ObjectNode requestIdHeader() {
    return header(
        described(
            typed("string"),
            "The request's id (the client's own when short and plain); quote it in reports."));
  }

  /** A header object; its description is lifted out of the schema where OpenAPI expects it. */
  private static ObjectNode header(ObjectNode schema) {
    ObjectNode header = NODES.objectNode();
    header.set("description", schema.remove("description"));
    header.set("schema", schema);
    return header;
  }

  private Responses() {}
}
