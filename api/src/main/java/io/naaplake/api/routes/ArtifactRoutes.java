package io.naaplake.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.naaplake.api.ApiConfig;
import io.naaplake.api.BadParameter;
import io.naaplake.api.ResourceNotFound;
import io.naaplake.api.artifacts.ArtifactDirectory;
import io.naaplake.api.artifacts.ArtifactDirectory.ArtifactFile;
import io.naaplake.schema.ArtifactDocuments;
import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The published artifacts: network reports ({@code /v1/reports}) and governance exports ({@code
 * /v1/exports}), listed from their directories and downloadable file by file. Fields come from the
 * metadata files' declarations in lake-schema ({@link ArtifactDocuments}); anything else in a
 * metadata file is not served.
 */
final class ArtifactRoutes {
  static final String TAG = "artifacts";

  /** The content type of each file extension an artifact may hold; others are not served. */
  static final Map<String, String> MEDIA_TYPES =
      Map.of(
          "html", "text/html",
          "md", "text/markdown",
          "csv", "text/csv",
          "parquet", "application/vnd.apache.parquet",
          "json", "application/json");

  private static final String REPORT_EXAMPLE = "daily-2026-01-08";
  private static final String EXPORT_EXAMPLE =
      "streaming_sla_hourly_2026-01-08_2026-01-09_csv_3f2a9c0d1b7e";

  static List<Route> all(ApiConfig config) {
    ArtifactDirectory reports =
        new ArtifactDirectory(config.reportsDir(), ArtifactDirectory.Kind.REPORTS);
    ArtifactDirectory exports =
        new ArtifactDirectory(config.exportsDir(), ArtifactDirectory.Kind.EXPORTS);
    ParamDoc reportId =
        ParamDoc.path(
            "id",
            "Report id: daily-YYYY-MM-DD or hourly-YYYY-MM-DDTHH.",
            ArtifactDocuments.REPORT_ID_PATTERN,
            REPORT_EXAMPLE);
    ParamDoc exportId =
        ParamDoc.path(
            "id",
            "Export id, as listed by /v1/exports.",
            ArtifactDocuments.EXPORT_ID_PATTERN,
            EXPORT_EXAMPLE);
    ParamDoc kind =
        ParamDoc.choice("kind", "Only reports of this kind.", List.of("daily", "hourly"));
    ParamDoc dataset = Params.filter("dataset", "Only exports of this dataset (gold table name)");
    ParamDoc format =
        ParamDoc.choice("format", "Only exports in this format.", List.of("csv", "parquet"));
    return List.of(
        listRoute(
            config,
            "/v1/reports",
            "Network reports",
            "The hourly and daily network reports the scheduler wrote, newest window first. Each"
                + " names its window, methodology and the Delta version of every table it read;"
                + " its files are at /v1/reports/{id}/files/{name}.",
            reports,
            ArtifactDocuments.REPORT,
            List.of(kind),
            (request, metadata) -> matches(request, kind, metadata.path("kind").asText()),
            metadata -> metadata.path("window_start").asText()),
        documentRoute(
            "/v1/reports/{id}",
            "One network report",
            "The report's metadata: window, methodology, table versions and files.",
            reports,
            ArtifactDocuments.REPORT,
            reportId),
        fileRoute(
            "/v1/reports/{id}/files/{name}",
            "A report file",
            "report.html (self-contained, charts as inline SVG), report.md or a CSV table.",
            reports,
            reportId,
            false),
        listRoute(
            config,
            "/v1/exports",
            "Governance exports",
            "The governance exports written by ./naap export and the daily chain, newest window"
                + " first. Each manifest names the query, the Delta versions read and the SHA-256 of"
                + " every file; `./naap export verify` recomputes it.",
            exports,
            ArtifactDocuments.EXPORT_MANIFEST,
            List.of(dataset, format),
            (request, metadata) ->
                matches(request, dataset, metadata.path("dataset").asText())
                    && matches(request, format, metadata.path("format").asText()),
            metadata -> metadata.path("window").path("from").asText()),
        documentRoute(
            "/v1/exports/{id}",
            "One governance export",
            "The export's manifest.",
            exports,
            ArtifactDocuments.EXPORT_MANIFEST,
            exportId),
        fileRoute(
            "/v1/exports/{id}/files/{name}",
            "An export file",
            "A data file of the export, byte for byte as its manifest's SHA-256 says.",
            exports,
            exportId,
            true));
  }

  /** A filter matches when it is absent or equal to the metadata's value. */
  private static boolean matches(RouteRequest request, ParamDoc filter, String value) {
    return Params.value(request.params(), filter).map(value::equals).orElse(true);
  }

  private interface MetadataFilter {
    boolean test(RouteRequest request, JsonNode metadata);
  }

  private static Route listRoute(
      ApiConfig config,
      String path,
      String summary,
      String description,
      ArtifactDirectory directory,
      List<Column> fields,
      List<ParamDoc> filters,
      MetadataFilter filter,
      java.util.function.Function<JsonNode, String> windowStart) {
    List<ParamDoc> params = new ArrayList<>(filters);
    params.addAll(Params.paging(config.defaultLimit(), config.maxLimit()));
    RouteDoc doc =
        new RouteDoc(path, summary, description, TAG, params, RouteDoc.Shape.PAGE, fields);
    // Newest window first; the id breaks ties (an hourly and a daily report of one start).
    java.util.function.Function<JsonNode, List<String>> key =
        metadata -> List.of(windowStart.apply(metadata), metadata.path(idField(fields)).asText());
    Comparator<JsonNode> newestFirst =
        Comparator.comparing(key, RouteRequest::compareKeys).reversed();
    Route.Handler handler =
        request -> {
          Predicate<JsonNode> wanted = metadata -> filter.test(request, metadata);
          List<JsonNode> listed =
              directory.list().stream().filter(wanted).sorted(newestFirst).toList();
          return request.pageDescending(listed, key, metadata -> project(metadata, fields));
        };
    return new Route(doc, handler, false);
  }

  /** The id is the first declared field of both metadata documents. */
  private static String idField(List<Column> fields) {
    return fields.get(0).name();
  }

  private static Route documentRoute(
      String path,
      String summary,
      String description,
      ArtifactDirectory directory,
      List<Column> fields,
      ParamDoc id) {
    RouteDoc doc =
        new RouteDoc(path, summary, description, TAG, List.of(id), RouteDoc.Shape.OBJECT, fields);
    Route.Handler handler =
        request ->
            new Payload.Document(project(found(directory, validId(directory, request)), fields));
    return new Route(doc, handler, false);
  }

  private static Route fileRoute(
      String path,
      String summary,
      String description,
      ArtifactDirectory directory,
      ParamDoc id,
      boolean attachment) {
    ParamDoc name =
        ParamDoc.path(
            "name",
            "File name, as listed in the metadata's files.",
            ArtifactDocuments.FILE_NAME_PATTERN,
            attachment ? "streaming_sla_hourly.csv" : "report.html");
    RouteDoc doc =
        new RouteDoc(
            path, summary, description, TAG, List.of(id, name), RouteDoc.Shape.FILE, List.of());
    Route.Handler handler =
        request -> {
          String artifact = validId(directory, request);
          String fileName = request.path("name");
          Optional<String> mediaType = mediaType(fileName);
          ArtifactFile file =
              mediaType
                  .flatMap(type -> directory.file(artifact, fileName))
                  .orElseThrow(
                      () ->
                          new ResourceNotFound(
                              artifact + " has no file " + fileName + " (see its files list)"));
          // The jobs write text as UTF-8; say so, or browsers guess.
          String contentType =
              mediaType.get().startsWith("text/")
                  ? mediaType.get() + ";charset=utf-8"
                  : mediaType.get();
          return new Payload.File(file.path(), contentType, file.sha256(), attachment);
        };
    return new Route(doc, handler, false);
  }

  private static Optional<String> mediaType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0
        ? Optional.empty()
        : Optional.ofNullable(MEDIA_TYPES.get(fileName.substring(dot + 1)));
  }

  private static String validId(ArtifactDirectory directory, RouteRequest request) {
    String id = request.path("id");
    if (!directory.kind().validId(id)) {
      throw new BadParameter(
          "id",
          directory.kind() == ArtifactDirectory.Kind.REPORTS
              ? "a report id like " + REPORT_EXAMPLE
              : "an export id as listed by /v1/exports");
    }
    return id;
  }

  private static JsonNode found(ArtifactDirectory directory, String id) {
    return directory
        .metadata(id)
        .orElseThrow(() -> new ResourceNotFound("no complete artifact " + id));
  }

  /**
   * The declared fields of a metadata document, in declaration order, nested structs and arrays of
   * structs included; a declared field the file lacks is null, undeclared ones are dropped.
   */
  static Map<String, Object> project(JsonNode node, List<Column> fields) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (Column field : fields) {
      row.put(field.name(), value(node.get(field.name()), field.type()));
    }
    return row;
  }

  private static Object value(JsonNode node, LakeType type) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (type instanceof LakeType.Struct struct) {
      return project(node, struct.fields());
    }
    if (type instanceof LakeType.Array array) {
      List<Object> values = new ArrayList<>();
      node.forEach(element -> values.add(value(element, array.element())));
      return values;
    }
    return io.naaplake.api.ApiJson.MAPPER.convertValue(node, Object.class);
  }

  private ArtifactRoutes() {}
}
