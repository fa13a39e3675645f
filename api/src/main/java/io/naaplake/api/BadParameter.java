package io.naaplake.api;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.ErrorCategory;

/**
 * A request parameter (query, path or cursor) the API refuses; always answered with 400 naming the
 * parameter. The message says what is expected and never echoes the rejected value, so hostile
 * input is not reflected back.
 */
public final class BadParameter extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private static final int MAX_NAME_LENGTH = 64;

  private final String parameter;

  public BadParameter(String parameter, String expectation) {
    super(safeName(requireNonNull(parameter, "parameter is null")) + ": " + expectation);
    this.parameter = safeName(parameter);
  }

  /** The parameter's name, made safe to show (unknown names come from the client). */
  public String parameter() {
    return parameter;
  }

  /** Bad parameters are bad data: retrying the same request fails again. */
  public ErrorCategory category() {
    return ErrorCategory.BAD_DATA;
  }

  private static String safeName(String name) {
    StringBuilder safe = new StringBuilder();
    for (int i = 0; i < name.length() && safe.length() < MAX_NAME_LENGTH; i++) {
      char c = name.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.';
      safe.append(plain ? c : '?');
    }
    return safe.toString();
  }
}
