package io.naaplake.errors;

import static java.util.Objects.requireNonNull;

/** The one exception type of the project. Create instances through {@link LakeErrors}. */
public final class NaapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCategory category;
  private final String code;

  NaapException(ErrorCategory category, String code, String message, Throwable cause) {
    super(message, cause);
    this.category = requireNonNull(category, "category is null");
    this.code = requireNonNull(code, "code is null");
  }

  public ErrorCategory category() {
    return category;
  }

  /** Stable machine-readable code, e.g. {@code KAFKA_UNAVAILABLE}. */
  public String code() {
    return code;
  }

  /** The category of any throwable: ours carry one; anything else is treated as fatal. */
  public static ErrorCategory categoryOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NaapException naap) {
        return naap.category();
      }
    }
    return ErrorCategory.FATAL;
  }
}
