package io.naaplake.jobs.silver;

import static java.util.Objects.requireNonNull;

/** Why (part of) a payload cannot be stored: a contract violation at a wire path. */
public record PayloadProblem(String field, Reason reason, String detail) {
  private static final int MAX_DETAIL = 200;

  public PayloadProblem {
    requireNonNull(field, "field is null");
    requireNonNull(reason, "reason is null");
    detail = detail == null ? "" : truncate(detail);
  }

  private static String truncate(String text) {
    return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
  }

  /** Stable reason codes stored in silver.quarantine. */
  public enum Reason {
    MISSING_REQUIRED_FIELD("missing_required_field"),
    UNPARSEABLE_VALUE("unparseable_value"),
    WRONG_SHAPE("wrong_shape"),
    EMPTY_LIST("empty_list"),
    NOT_JSON("not_json");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
