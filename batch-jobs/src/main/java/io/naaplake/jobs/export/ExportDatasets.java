package io.naaplake.jobs.export;

import io.naaplake.errors.LakeErrors;
import io.naaplake.schema.LakeCatalog;
import io.naaplake.schema.LakeType;
import io.naaplake.schema.Layer;
import io.naaplake.schema.TableDeclaration;
import java.util.List;
import java.util.Optional;

/**
 * The datasets that can be exported: every published gold table declared in lake-schema, named as
 * its table. Nothing here is a hand list: a table declared and published later is exportable
 * without a change here.
 */
public final class ExportDatasets {

  private static final LakeType DATE = new LakeType.Primitive(LakeType.Kind.DATE);

  /** The published gold tables, in catalog order. */
  public static List<TableDeclaration> all() {
    return LakeCatalog.tables().stream()
        .filter(table -> table.layer() == Layer.GOLD && table.published())
        .toList();
  }

  /** Dataset names, in catalog order. */
  public static List<String> names() {
    return all().stream().map(TableDeclaration::name).toList();
  }

  /**
   * The dataset called {@code name}.
   *
   * @throws io.naaplake.errors.NaapException BAD_DATA listing the valid names
   */
  public static TableDeclaration find(String name) {
    return all().stream()
        .filter(table -> table.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                LakeErrors.badInput(
                    "dataset '" + name + "'",
                    "not a published gold table; valid datasets: " + String.join(", ", names())));
  }

  /**
   * The column an export window filters on: the table's date partition column. Gold tables are
   * partitioned by the UTC date of their time column ({@code window_date} is the date of {@code
   * window_start}, {@code as_of_date} of {@code as_of}, ...), so a window of whole UTC days on it
   * selects exactly the rows whose time falls in those days, and reads only those partitions. Empty
   * when the table has no single date partition column: such a table is exported whole.
   */
  public static Optional<String> windowColumn(TableDeclaration table) {
    if (table.partitionColumns().size() != 1) {
      return Optional.empty();
    }
    String column = table.partitionColumns().get(0);
    return table.column(column).filter(c -> c.type().equals(DATE)).map(c -> column);
  }

  private ExportDatasets() {}
}
