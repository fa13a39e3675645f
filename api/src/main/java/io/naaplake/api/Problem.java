package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * An RFC 7807 problem document, served as {@code application/problem+json}. Fields are the RFC's
 * members plus {@code parameter} (the offending parameter of a 400) and {@code request_id}, so a
 * client can quote the id when reporting an error. {@link #retryAfterSeconds} is not part of the
 * body: the server sends it as the {@code Retry-After} header of 429 and 503 answers.
 *
 * @param type a URI reference identifying the problem type; {@code about:blank} when the status
 *     says it all
 * @param title short, fixed summary of the type
 * @param status the HTTP status code
 * @param detail explanation of this occurrence; never a stack trace or an internal address
 * @param instance the request path
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String parameter,
    @JsonProperty("request_id") String requestId,
    @JsonIgnore Optional<Long> retryAfterSeconds) {

  public static final String CONTENT_TYPE = "application/problem+json";

  public Problem {
    requireNonNull(type, "type is null");
    requireNonNull(title, "title is null");
    requireNonNull(retryAfterSeconds, "retryAfterSeconds is null");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a problem has an error status, not " + status);
    }
  }

  /** The same problem tagged with the request it answers. */
  public Problem withRequest(String path, String id) {
    return new Problem(type, title, status, detail, path, parameter, id, retryAfterSeconds);
  }
}
