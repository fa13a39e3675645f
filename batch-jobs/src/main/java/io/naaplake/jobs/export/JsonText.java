package io.naaplake.jobs.export;

/**
 * JSON string literals written by hand, so the bytes of an export never depend on a library's
 * escaping choices: {@code "} and {@code \} escaped, control characters as {@code \n}, {@code \r},
 * {@code \t}, {@code \b}, {@code \f} or {@code \}{@code uXXXX}, everything else (non-ASCII
 * included) as itself.
 */
final class JsonText {

  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private JsonText() {}
}
