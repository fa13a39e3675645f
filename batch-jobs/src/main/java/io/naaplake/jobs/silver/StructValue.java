package io.naaplake.jobs.silver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A nested struct value (inside an array or map), fields in declaration order. */
public record StructValue(List<Object> values) {
  public StructValue {
    // Fields may be null, so no List.copyOf.
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }
}
