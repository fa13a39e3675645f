package io.naaplake.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The one JSON configuration of the API, so every response encodes values the same way:
 *
 * <ul>
 *   <li>decimals (wei amounts are {@code decimal(38,0)} and {@code decimal(38,10)}) as decimal
 *       strings without exponent or trailing zeros ({@code "16800000007200"}): JSON numbers lose
 *       precision beyond 2^53 in most clients;
 *   <li>instants (Trino {@code timestamp(3) with time zone}, however JDBC returns them) as RFC 3339
 *       UTC ({@code 2026-01-15T12:00:00Z}, milliseconds only when present); dates as {@code
 *       2026-01-15};
 *   <li>non-finite doubles (a 0/0 ratio) as null, since JSON has no NaN;
 *   <li>nulls stay null: a missing measurement is not zero.
 * </ul>
 */
public final class ApiJson {

  public static final ObjectMapper MAPPER = create();

  private static ObjectMapper create() {
    SimpleModule module = new SimpleModule("naap-api");
    module.addSerializer(BigDecimal.class, new ToStringSerializer<>(ApiJson::decimalText));
    module.addSerializer(BigInteger.class, new ToStringSerializer<>(BigInteger::toString));
    module.addSerializer(Instant.class, new ToStringSerializer<>(ApiJson::instantText));
    module.addSerializer(
        Timestamp.class, new ToStringSerializer<>(t -> instantText(t.toInstant())));
    module.addSerializer(
        OffsetDateTime.class, new ToStringSerializer<>(t -> instantText(t.toInstant())));
    module.addSerializer(
        ZonedDateTime.class, new ToStringSerializer<>(t -> instantText(t.toInstant())));
    module.addSerializer(LocalDate.class, new ToStringSerializer<>(LocalDate::toString));
    module.addSerializer(Double.class, new FiniteDoubleSerializer());
    return new ObjectMapper().registerModule(module);
  }

  /** Plain decimal text: no exponent, no trailing fractional zeros. */
  public static String decimalText(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** RFC 3339 UTC; {@link Instant#toString} is ISO 8601 in UTC with a {@code Z}. */
  public static String instantText(Instant value) {
    return value.toString();
  }

  private static final class ToStringSerializer<T> extends JsonSerializer<T> {
    private final java.util.function.Function<T, String> format;

    ToStringSerializer(java.util.function.Function<T, String> format) {
      this.format = format;
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(format.apply(value));
    }
  }

  private static final class FiniteDoubleSerializer extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      if (value.isNaN() || value.isInfinite()) {
        generator.writeNull();
      } else {
        generator.writeNumber(value);
      }
    }
  }

  private ApiJson() {}
}
