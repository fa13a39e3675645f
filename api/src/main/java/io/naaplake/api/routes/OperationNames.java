package io.naaplake.api.routes;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names derived from a route path: the operationId client generators turn into method names, and
 * the component schema names of the route's body. Derived, not declared, so a route cannot be added
 * without one; uniqueness is checked by {@link OpenApiDocument}.
 */
final class OperationNames {

  private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]+");

  /**
   * {@code get} and the path's words in camel case, a path parameter as {@code By<Name>}: {@code
   * /v1/orchestrators/{address}/gpu-hours} gives {@code getV1OrchestratorsByAddressGpuHours}.
   */
  static String operationId(String path) {
    return "get" + pascalName(path);
  }

  /** The path's words in Pascal case, the stem of the route's schema names. */
  static String pascalName(String path) {
    StringBuilder name = new StringBuilder();
    for (String segment : path.split("/")) {
      boolean parameter = segment.startsWith("{") && segment.endsWith("}");
      if (parameter) {
        name.append("By");
      }
      for (String word : SEPARATORS.split(segment)) {
        if (!word.isEmpty()) {
          name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
      }
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("no name can be derived from path " + path);
    }
    return name.toString();
  }

  private OperationNames() {}
}
