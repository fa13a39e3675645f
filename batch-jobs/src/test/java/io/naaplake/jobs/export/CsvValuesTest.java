package io.naaplake.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.Layer;
import io.naaplake.schema.TableDeclaration;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CSV rendering of every declared type, on rows that went through Spark (so arrays, maps and
 * structs arrive as Spark hands them out), with the expected bytes written by hand.
 */
class CsvValuesTest {
  private static final TableDeclaration PROBE =
      TableDeclaration.builder(Layer.GOLD, "probe")
          .comment("Every type once.")
          .optional("s", LakeType.string(), "String.")
          .optional("b", LakeType.bool(), "Boolean.")
          .optional("i", LakeType.integer(), "Int.")
          .optional("l", LakeType.bigint(), "Bigint.")
          .optional("d", LakeType.float64(), "Double.")
          .optional("day", LakeType.date(), "Date.")
          .optional("ts", LakeType.timestamp(), "Timestamp.")
          .optional("bin", LakeType.binary(), "Binary.")
          .optional("wei", LakeType.decimal(38, 0), "Wei.")
          .optional("amount", LakeType.decimal(38, 10), "Decimal.")
          .optional("tags", LakeType.arrayOf(LakeType.string()), "Array.")
          .optional("counts", LakeType.mapOf(LakeType.string(), LakeType.bigint()), "Map.")
          .optional(
              "pair",
              LakeType.struct(
                  Column.optional("name", LakeType.string(), "Name."),
                  Column.optional("price", LakeType.decimal(38, 10), "Price."),
                  Column.optional("ratio", LakeType.float64(), "Ratio.")),
              "Struct.")
          .build();

  private static final Instant HOUR = Instant.parse("2026-01-08T21:00:00Z");

  private static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = LocalSpark.get();
  }

  private static List<Row> throughSpark(SparkSession session) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("z", 1L);
    counts.put("a", 2L);
    List<Row> rows = new ArrayList<>();
    rows.add(
        RowFactory.create(
            "plain",
            true,
            7,
            16800000007200L,
            85.0,
            Date.valueOf(LocalDate.parse("2026-01-08")),
            Timestamp.from(HOUR),
            new byte[] {1, 2, 3},
            new BigDecimal("16800000007200"),
            new BigDecimal("16800000007200.0000000000"),
            List.of("a", "b,c"),
            counts,
            RowFactory.create("x\"y", new BigDecimal("1635.021"), 0.1)));
    rows.add(
        RowFactory.create(
            "needs, \"quotes\"\nand a line",
            false,
            -1,
            0L,
            0.00001,
            null,
            Timestamp.from(HOUR.plusNanos(123_000)),
            new byte[0],
            new BigDecimal("0"),
            new BigDecimal("0.0000000001"),
            List.of(),
            Map.of(),
            RowFactory.create(null, null, Double.NaN)));
    rows.add(
        RowFactory.create(
            "", null, null, null, null, null, null, null, null, null, null, null, null));
    return session.createDataFrame(rows, SparkSchemas.structType(PROBE)).collectAsList();
  }

  private static final List<String> EXPECTED =
      List.of(
          // Decimals without exponent or trailing zeros; the map's keys sorted; the struct's
          // decimal a JSON string; base64 of 01 02 03 is AQID.
          "plain,true,7,16800000007200,85.0,2026-01-08,2026-01-08T21:00:00Z,AQID,16800000007200,"
              + "16800000007200,\"[\"\"a\"\",\"\"b,c\"\"]\",\"{\"\"a\"\":2,\"\"z\"\":1}\","
              + "\"{\"\"name\"\":\"\"x\\\"\"y\"\",\"\"price\"\":\"\"1635.021\"\",\"\"ratio\"\":0.1}\""
              + "\r\n",
          // RFC 4180 quoting; 1e-5 in plain notation; microseconds kept; an empty binary is the
          // empty string, quoted; NaN inside JSON is a string.
          "\"needs, \"\"quotes\"\"\nand a line\",false,-1,0,0.00001,,2026-01-08T21:00:00.000123Z,"
              + "\"\",0,0.0000000001,[],{},\"{\"\"name\"\":null,\"\"price\"\":null,"
              + "\"\"ratio\"\":\"\"NaN\"\"}\"\r\n",
          // The empty string quoted, nulls empty.
          "\"\",,,,,,,,,,,,\r\n");

  @Test
  void recordsAsSparkHandsThemOutByDefault() {
    assertThat(throughSpark(spark).stream().map(r -> CsvValues.record(r, PROBE.columns())))
        .containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void recordsWithJavaTimeValuesAreTheSame() {
    // The exporter's own session hands out LocalDate and Instant instead of java.sql types.
    SparkSession javaTime = spark.newSession();
    javaTime.conf().set("spark.sql.datetime.java8API.enabled", "true");
    List<Row> rows = throughSpark(javaTime);
    assertThat(rows.get(0).get(6)).isInstanceOf(Instant.class);
    assertThat(rows.stream().map(r -> CsvValues.record(r, PROBE.columns())))
        .containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void headerIsTheDeclaredColumnNames() {
    assertThat(CsvValues.header(PROBE.columns()))
        .isEqualTo("s,b,i,l,d,day,ts,bin,wei,amount,tags,counts,pair\r\n");
  }

  @Test
  void doublesAreTheShortestRoundTrippingPlainDecimal() {
    assertThat(CsvValues.plainDouble(85.0)).isEqualTo("85.0");
    assertThat(CsvValues.plainDouble(0.1)).isEqualTo("0.1");
    assertThat(CsvValues.plainDouble(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(CsvValues.plainDouble(1e21)).isEqualTo("1000000000000000000000.0");
    assertThat(CsvValues.plainDouble(-2.5e-7)).isEqualTo("-0.00000025");
    assertThat(CsvValues.plainDouble(-0.0)).isEqualTo("-0.0");
    assertThat(CsvValues.plainDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    // 17 significant digits are sometimes needed: 15.999951534393 (the sample's mean FPS) is
    // not exactly a double; what is printed reads back as the same double.
    double fps = 271.9991760846937 / 17;
    assertThat(Double.parseDouble(CsvValues.plainDouble(fps))).isEqualTo(fps);
    // The smallest double: one significant digit already reads back (Double.toString says
    // 4.9E-324).
    assertThat(CsvValues.plainDouble(Double.MIN_VALUE)).startsWith("0.000").endsWith("0005");
    assertThat(Double.parseDouble(CsvValues.plainDouble(Double.MIN_VALUE)))
        .isEqualTo(Double.MIN_VALUE);
  }
}
