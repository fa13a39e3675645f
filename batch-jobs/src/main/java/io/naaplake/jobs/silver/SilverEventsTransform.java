package io.naaplake.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.naaplake.jobs.lake.SparkSchemas;
import io.naaplake.jobs.silver.NormalizedEvent.ElementProblem;
import io.naaplake.schema.Column;
import io.naaplake.schema.SilverTables;
import io.naaplake.schema.TableDeclaration;
import io.naaplake.schema.events.EventFamily;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Bronze rows to silver rows, one family at a time: a pure {@code Dataset -> Dataset} transform.
 * {@link #normalize} yields the family's typed columns plus outcome columns; {@link #typed}, {@link
 * #ignored} and {@link #problems} project that into the silver tables.
 */
public final class SilverEventsTransform {
  static final String OUTCOME = "silver_outcome";
  static final String TYPED = "typed";
  static final String IGNORED = "ignored";
  static final String PROBLEM = "problem";

  /** silver.quarantine's element_index when the problem is not one element's. */
  static final int WHOLE_PAYLOAD = -1;

  private static final List<StructField> OUTCOME_FIELDS =
      List.of(
          DataTypes.createStructField(OUTCOME, DataTypes.StringType, false),
          DataTypes.createStructField("ignore_reason", DataTypes.StringType, true),
          DataTypes.createStructField("problem_element_index", DataTypes.IntegerType, true),
          DataTypes.createStructField("problem_field", DataTypes.StringType, true),
          DataTypes.createStructField("problem_reason", DataTypes.StringType, true),
          DataTypes.createStructField("problem_detail", DataTypes.StringType, true));

  /** Lineage columns, read from bronze, that start every silver event row. */
  static final List<String> LINEAGE =
      List.of(
          "org",
          "event_id",
          "event_type",
          "event_subtype",
          "event_ts",
          "event_date",
          "gateway",
          "kafka_topic",
          "kafka_partition",
          "kafka_offset",
          "ingest_batch_id");

  /** The schema {@link #normalize} yields for a family. */
  static StructType outcomeSchema(EventFamily family) {
    List<StructField> fields =
        new ArrayList<>(Arrays.asList(SparkSchemas.structType(SilverTables.of(family)).fields()));
    for (int i = 0; i < fields.size(); i++) {
      StructField field = fields.get(i);
      // Lineage columns of problem rows are always set; payload columns are nullable anyway.
      fields.set(i, new StructField(field.name(), field.dataType(), true, field.metadata()));
    }
    fields.addAll(OUTCOME_FIELDS);
    return DataTypes.createStructType(fields);
  }

  /** Normalizes the bronze rows of one family (rows of other types must be filtered out first). */
  public static Dataset<Row> normalize(
      Dataset<Row> bronze, EventFamily family, EnvelopeNormalizer normalizer) {
    Dataset<Row> source = bronze.select(bronzeColumns());
    // Captures the (serializable) family, not its declaration.
    return source.flatMap(
        (FlatMapFunction<Row, Row>)
            row -> outcomes(row, SilverTables.of(family), normalizer).iterator(),
        Encoders.row(outcomeSchema(family)));
  }

  /** Events of types no family handles: ignored as unsupported, without parsing. */
  public static Dataset<Row> unsupportedFamilies(Dataset<Row> bronze) {
    return bronze
        .where(col("event_type").isin((Object[]) familyNames()).unary_$bang())
        .select(lineageColumns())
        .withColumn("ignore_reason", lit("unsupported_event_family"));
  }

  /** Rows for the family's typed table. */
  public static Dataset<Row> typed(Dataset<Row> outcomes, EventFamily family) {
    return project(outcomes.where(col(OUTCOME).equalTo(TYPED)), SilverTables.of(family), Map.of());
  }

  /** Rows for silver.ignored_events. */
  public static Dataset<Row> ignored(Dataset<Row> outcomes) {
    return project(
        outcomes.where(col(OUTCOME).equalTo(IGNORED)), SilverTables.IGNORED_EVENTS, Map.of());
  }

  /** Rows for silver.quarantine. */
  public static Dataset<Row> problems(Dataset<Row> outcomes) {
    return project(
        outcomes.where(col(OUTCOME).equalTo(PROBLEM)),
        SilverTables.QUARANTINE,
        Map.of(
            SilverTables.ELEMENT_INDEX,
            "problem_element_index",
            "field",
            "problem_field",
            "reason",
            "problem_reason",
            "detail",
            "problem_detail"));
  }

  /** Selects a table's columns (renamed from {@code sources} where given) in declared order. */
  static Dataset<Row> project(
      Dataset<Row> rows, TableDeclaration table, Map<String, String> sources) {
    return io.naaplake.jobs.lake.Projections.of(rows, table.columns(), sources);
  }

  private static org.apache.spark.sql.Column[] bronzeColumns() {
    List<org.apache.spark.sql.Column> columns = new ArrayList<>();
    for (String name : LINEAGE) {
      columns.add(col(name));
    }
    columns.add(col("raw_value"));
    return columns.toArray(new org.apache.spark.sql.Column[0]);
  }

  private static org.apache.spark.sql.Column[] lineageColumns() {
    return LINEAGE.stream()
        .map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  static String[] familyNames() {
    return Arrays.stream(EventFamily.values()).map(EventFamily::wireName).toArray(String[]::new);
  }

  private static List<Row> outcomes(
      Row bronze, TableDeclaration table, EnvelopeNormalizer normalizer) {
    NormalizedEvent event =
        normalizer.normalize(bronze.getString(2), (byte[]) bronze.get(LINEAGE.size()));
    Object[] lineage = lineage(bronze);
    List<Row> rows = new ArrayList<>();
    if (event.ignoreReason().isPresent()) {
      rows.add(outcomeRow(table, lineage, Map.of(), IGNORED, event.ignoreReason().get(), null));
      return rows;
    }
    for (Map<String, Object> payload : event.rows()) {
      rows.add(outcomeRow(table, lineage, payload, TYPED, null, null));
    }
    for (ElementProblem problem : event.problems()) {
      rows.add(outcomeRow(table, lineage, Map.of(), PROBLEM, null, problem));
    }
    return rows;
  }

  private static Object[] lineage(Row bronze) {
    Object[] values = new Object[LINEAGE.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = bronze.get(i);
    }
    int gateway = LINEAGE.indexOf("gateway");
    values[gateway] = gateway((String) values[gateway]);
    return values;
  }

  /**
   * The envelope's gateway as silver keeps it: trimmed and lower-cased, null when blank. It is an
   * ETH address or a host, and neither's case means anything: producers send checksum case while
   * payments name the same gateway in lower case, and one gateway must be one key.
   */
  static String gateway(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return raw.trim().toLowerCase(java.util.Locale.ROOT);
  }

  private static Row outcomeRow(
      TableDeclaration table,
      Object[] lineage,
      Map<String, Object> payload,
      String outcome,
      String ignoreReason,
      ElementProblem problem) {
    List<Column> columns = table.columns();
    Object[] values = new Object[columns.size() + OUTCOME_FIELDS.size()];
    System.arraycopy(lineage, 0, values, 0, lineage.length);
    for (int i = lineage.length; i < columns.size(); i++) {
      values[i] = SparkValues.external(payload.get(columns.get(i).name()));
    }
    int at = columns.size();
    values[at] = outcome;
    values[at + 1] = ignoreReason;
    if (problem != null) {
      values[at + 2] = problem.elementIndex().orElse(WHOLE_PAYLOAD);
      values[at + 3] = problem.problem().field();
      values[at + 4] = problem.problem().reason().code();
      values[at + 5] = problem.problem().detail();
    }
    return RowFactory.create(values);
  }

  private SilverEventsTransform() {}

  /** Java values to what Spark's external Row form expects. */
  static final class SparkValues {
    static Object external(Object value) {
      if (value instanceof Instant instant) {
        return Timestamp.from(instant);
      }
      if (value instanceof StructValue struct) {
        return RowFactory.create(struct.values().stream().map(SparkValues::external).toArray());
      }
      // Spark's row encoder takes Scala collections for arrays and maps.
      if (value instanceof List<?> list) {
        List<Object> converted = new ArrayList<>();
        list.forEach(item -> converted.add(external(item)));
        return CollectionConverters.asScala(converted).toSeq();
      }
      if (value instanceof Map<?, ?> map) {
        Map<Object, Object> converted = new LinkedHashMap<>();
        map.forEach((k, v) -> converted.put(external(k), external(v)));
        return CollectionConverters.asScala(converted);
      }
      return value;
    }

    private SparkValues() {}
  }
}
