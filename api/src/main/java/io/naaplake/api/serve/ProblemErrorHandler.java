package io.naaplake.api.serve;

import io.naaplake.api.ApiJson;
import io.naaplake.api.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request line or headers over the size limit, an unparseable request)
 * as problem+json like every other error of the API, instead of Jetty's HTML page. These requests
 * never reach the application, so no request id or path is known.
 */
public final class ProblemErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    return ByteBuffer.wrap(body(status));
  }

  private static byte[] body(int status) {
    int code = status >= 400 && status <= 599 ? status : 400;
    String detail =
        switch (code) {
          case 414, 431 ->
              "The request line or headers exceed the server's size limit; no parameter of this"
                  + " API needs values that long.";
          case 400 -> "The request could not be parsed.";
          default -> "The request failed before reaching the API.";
        };
    Problem problem =
        new Problem(
            "about:blank",
            code >= 500 ? "Server error" : "Bad request",
            code,
            detail,
            null,
            null,
            null,
            Optional.empty());
    try {
      return ApiJson.MAPPER.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return ("{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":" + code + "}")
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
