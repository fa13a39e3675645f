package io.naaplake.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An engine-neutral column type. Every engine form (Spark {@code StructType}, Trino DDL, API field
 * types, the data dictionary) is translated from these, so a type is written down exactly once.
 *
 * <p>Only types that both Spark/Delta and Trino 476 read without loss are offered: no unsigned
 * types, no intervals, no timestamp without zone (Delta's TIMESTAMP is UTC-normalised and Trino
 * reads it as {@code timestamp(3) with time zone}).
 */
public sealed interface LakeType
    permits LakeType.Primitive, LakeType.Decimal, LakeType.Array, LakeType.MapOf, LakeType.Struct {

  /** Scalar kinds. */
  enum Kind {
    STRING,
    BOOLEAN,
    INT,
    BIGINT,
    DOUBLE,
    DATE,
    /** Instant in UTC with millisecond (Trino) / microsecond (Spark) precision. */
    TIMESTAMP,
    BINARY
  }

  record Primitive(Kind kind) implements LakeType {
    public Primitive {
      requireNonNull(kind, "kind is null");
    }
  }

  /** Exact decimal; wei amounts use {@code decimal(38,0)}. */
  record Decimal(int precision, int scale) implements LakeType {
    public Decimal {
      if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
        throw new IllegalArgumentException("bad decimal(" + precision + "," + scale + ")");
      }
    }
  }

  record Array(LakeType element) implements LakeType {
    public Array {
      requireNonNull(element, "element is null");
    }
  }

  record MapOf(LakeType key, LakeType value) implements LakeType {
    public MapOf {
      requireNonNull(key, "key is null");
      requireNonNull(value, "value is null");
    }
  }

  record Struct(List<Column> fields) implements LakeType {
    public Struct {
      fields = List.copyOf(fields);
    }
  }

  static LakeType string() {
    return new Primitive(Kind.STRING);
  }

  static LakeType bool() {
    return new Primitive(Kind.BOOLEAN);
  }

  static LakeType integer() {
    return new Primitive(Kind.INT);
  }

  static LakeType bigint() {
    return new Primitive(Kind.BIGINT);
  }

  static LakeType float64() {
    return new Primitive(Kind.DOUBLE);
  }

  static LakeType date() {
    return new Primitive(Kind.DATE);
  }

  static LakeType timestamp() {
    return new Primitive(Kind.TIMESTAMP);
  }

  static LakeType binary() {
    return new Primitive(Kind.BINARY);
  }

  static LakeType decimal(int precision, int scale) {
    return new Decimal(precision, scale);
  }

  static LakeType arrayOf(LakeType element) {
    return new Array(element);
  }

  static LakeType mapOf(LakeType key, LakeType value) {
    return new MapOf(key, value);
  }

  static LakeType struct(Column... fields) {
    return new Struct(List.of(fields));
  }
}
