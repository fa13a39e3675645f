package io.naaplake.api;

/**
 * A well-formed request for a resource the lake does not hold, e.g. an orchestrator address never
 * seen: answered 404 as a problem document naming what was looked for.
 */
public final class ResourceNotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ResourceNotFound(String detail) {
    super(detail, null, false, false);
  }
}
