package io.naaplake.tools;

import io.naaplake.errors.LakeErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One command line split into positional arguments, {@code --name value} (or {@code --name=value})
 * options and {@code --name} flags. Unknown, repeated or value-less options are errors, so a typo
 * never silently falls back to a default (e.g. publishing to the default topic).
 */
record CommandLine(List<String> positionals, Map<String, String> options, Set<String> flags) {
  CommandLine {
    positionals = List.copyOf(positionals);
    options = Map.copyOf(options);
    flags = Set.copyOf(flags);
  }

  static CommandLine parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
    List<String> positionals = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        positionals.add(arg);
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      if (flagOptions.contains(name) && equals < 0) {
        if (!flags.add(name)) {
          throw LakeErrors.badInput(name, "given twice");
        }
      } else if (valueOptions.contains(name)) {
        String value;
        if (equals >= 0) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw LakeErrors.badInput(name, "needs a value");
        }
        if (value.isBlank()) {
          throw LakeErrors.badInput(name, "needs a non-empty value");
        }
        if (options.put(name, value) != null) {
          throw LakeErrors.badInput(name, "given twice");
        }
      } else {
        throw LakeErrors.badInput(arg, "unknown option");
      }
    }
    return new CommandLine(positionals, options, flags);
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  /** {@code text} as a non-negative count, e.g. the N of {@code generate N}. */
  static long count(String name, String text) {
    try {
      long count = Long.parseLong(text);
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw LakeErrors.badInput(name, "expected a non-negative whole number, got '" + text + "'");
  }
}
