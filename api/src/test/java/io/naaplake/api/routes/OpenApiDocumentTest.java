package io.naaplake.api.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.naaplake.api.ApiJson;
import io.naaplake.api.BadParameter;
import io.naaplake.api.Envelope;
import io.naaplake.api.OpenApiValidator;
import io.naaplake.api.Problem;
import io.naaplake.api.Problems;
import io.naaplake.schema.Column;
import io.naaplake.schema.LakeType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

  private static final String ADDRESS_PATTERN = "^0x[0-9a-f]{40}$";
  private static final String ADDRESS = "0x" + "ab".repeat(20);

  private static final RouteDoc PAYMENTS =
      new RouteDoc(
          "/v1/payments",
          "Payments per hour",
          "Ticket fees by orchestrator and hour; default window 24 h, at most 31 days.",
          "economics",
          List.of(
              ParamDoc.instant("from", "Start of the window, inclusive"),
              ParamDoc.choice("granularity", "Bucket size", List.of("hour", "day")),
              ParamDoc.integer("limit", "Page size", 1, 500).withExample("100"),
              ParamDoc.text("orchestrator", "Orchestrator address", ADDRESS_PATTERN)),
          RouteDoc.Shape.PAGE,
          List.of(
              Column.required("window_start", LakeType.timestamp(), "Start of the hour (UTC)"),
              Column.measure("fees_wei", LakeType.decimal(38, 0), "Ticket face value won, wei"),
              Column.optional("success_ratio", LakeType.float64(), "Share of successful jobs"),
              Column.required(
                  "models", LakeType.arrayOf(LakeType.string()), "Models served in the hour"),
              Column.required(
                  "price",
                  LakeType.struct(
                      Column.required("pixels_per_unit", LakeType.bigint(), "Pixels priced"),
                      Column.optional(
                          "wei_per_unit", LakeType.decimal(38, 10), "Price per unit, wei")),
                  "Advertised price")));

  private static final RouteDoc SUPPLY =
      new RouteDoc(
          "/v1/supply/summary",
          "GPU supply by model",
          "Distinct GPUs seen per model and day.",
          "supply",
          List.of(ParamDoc.date("day", "The UTC day")),
          RouteDoc.Shape.LIST,
          List.of(
              Column.required("day", LakeType.date(), "UTC day"),
              Column.required("gpu_model", LakeType.string(), "GPU model name"),
              Column.measure("gpus", LakeType.integer(), "Distinct GPUs seen")));

  private static final RouteDoc ORCHESTRATOR =
      new RouteDoc(
          "/v1/orchestrators/{address}",
          "One orchestrator",
          "Latest known state of one orchestrator.",
          "network",
          List.of(ParamDoc.path("address", "Orchestrator address", ADDRESS_PATTERN, ADDRESS)),
          RouteDoc.Shape.OBJECT,
          List.of(
              Column.required("address", LakeType.string(), "Ethereum address"),
              Column.optional("stake_wei", LakeType.decimal(38, 0), "Bonded stake, wei"),
              Column.required("active", LakeType.bool(), "In the active set"),
              Column.optional(
                  "labels",
                  LakeType.mapOf(LakeType.string(), LakeType.bigint()),
                  "Counts by label"),
              Column.optional("avatar", LakeType.binary(), "Avatar image")));

  private static final List<RouteDoc> ROUTES = List.of(PAYMENTS, SUPPLY, ORCHESTRATOR);

  private final ObjectNode doc = OpenApiDocument.build(ROUTES, "1.2.0");
  private final OpenApiValidator validator = new OpenApiValidator(doc);

  private static JsonNode json(Object value) {
    return ApiJson.MAPPER.valueToTree(value);
  }

  private JsonNode schema(String name) {
    return doc.path("components").path("schemas").path(name);
  }

  private JsonNode get(String path) {
    return doc.path("paths").path(path).path("get");
  }

  // ---- the document --------------------------------------------------------------------------

  @Test
  void headerInfoAndTags() {
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(doc.at("/info/title").asText()).isEqualTo("NaaP Lake API");
    assertThat(doc.at("/info/version").asText()).isEqualTo("1.2.0");
    assertThat(doc.at("/info/description").asText())
        .contains("RFC 3339", "UTC", "decimal strings", "null", "RFC 7807", "problem+json");
    assertThat(doc.get("tags").findValuesAsText("name"))
        .containsExactly("economics", "supply", "network", "service");
  }

  @Test
  void everyRouteThenTheServiceRoutesAreDocumentedButNotTheDocsPage() {
    assertThat(OpenApiDocument.documentedPaths(doc))
        .containsExactly(
            "/v1/payments",
            "/v1/supply/summary",
            "/v1/orchestrators/{address}",
            "/healthz",
            "/readyz",
            "/metrics",
            "/dashboards/clock",
            "/openapi.json");
    // The dashboards' clock is part of the API: a client can ask what "now" the data answer as of.
    assertThat(
            get("/dashboards/clock")
                .at("/responses/200/content/application~1json/schema/$ref")
                .asText())
        .isEqualTo("#/components/schemas/DashboardClock");
    assertThat(get("/v1/payments").get("operationId").asText()).isEqualTo("getV1Payments");
    assertThat(get("/v1/supply/summary").get("operationId").asText())
        .isEqualTo("getV1SupplySummary");
    assertThat(get("/v1/orchestrators/{address}").get("operationId").asText())
        .isEqualTo("getV1OrchestratorsByAddress");
    assertThat(get("/openapi.json").get("operationId").asText()).isEqualTo("getOpenapiJson");
    assertThat(get("/v1/payments").get("summary").asText()).isEqualTo("Payments per hour");
    assertThat(get("/v1/payments").get("description").asText()).startsWith("Ticket fees");
    assertThat(get("/v1/payments").get("tags").toString()).isEqualTo("[\"economics\"]");
    assertThat(get("/healthz").get("tags").toString()).isEqualTo("[\"service\"]");
  }

  @Test
  void parametersCarryTypeFormatEnumBoundsPatternAndExample() {
    JsonNode params = get("/v1/payments").get("parameters");
    assertThat(params.findValuesAsText("name"))
        .containsExactly("from", "granularity", "limit", "orchestrator", "If-None-Match");

    assertThat(params.get(0).toString())
        .isEqualTo(
            "{\"name\":\"from\",\"in\":\"query\",\"description\":\"Start of the window,"
                + " inclusive\",\"required\":false,"
                + "\"schema\":{\"type\":\"string\",\"format\":\"date-time\"}}");
    assertThat(params.get(1).get("schema").toString())
        .isEqualTo("{\"type\":\"string\",\"enum\":[\"hour\",\"day\"]}");
    assertThat(params.get(2).get("schema").toString())
        .isEqualTo("{\"type\":\"integer\",\"minimum\":1,\"maximum\":500}");
    assertThat(params.get(2).get("example").isIntegralNumber()).isTrue();
    assertThat(params.get(2).get("example").asInt()).isEqualTo(100);
    assertThat(params.get(3).at("/schema/pattern").asText()).isEqualTo(ADDRESS_PATTERN);
    assertThat(params.get(4).get("in").asText()).isEqualTo("header");

    JsonNode address = get("/v1/orchestrators/{address}").get("parameters").get(0);
    assertThat(address.get("in").asText()).isEqualTo("path");
    assertThat(address.get("required").asBoolean()).isTrue();
    assertThat(address.get("example").asText()).isEqualTo(ADDRESS);
    assertThat(address.at("/schema/pattern").asText()).isEqualTo(ADDRESS_PATTERN);
  }

  @Test
  void dataRoutesAnswerJsonOrAProblemWithTheirHeaders() {
    JsonNode responses = get("/v1/payments").get("responses");
    List<String> statuses = new ArrayList<>();
    responses.fieldNames().forEachRemaining(statuses::add);
    assertThat(statuses).containsExactly("200", "304", "400", "404", "429", "500", "503", "504");

    assertThat(responses.at("/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/V1PaymentsResponse");
    assertThat(fieldNames(responses.at("/200/headers"))).containsExactly("ETag", "X-Request-Id");

    assertThat(responses.at("/304/description").asText())
        .isEqualTo("Not Modified: the ETag matched");
    assertThat(responses.get("304").has("content")).isFalse();
    assertThat(fieldNames(responses.at("/304/headers"))).containsExactly("ETag", "X-Request-Id");

    for (String status : List.of("400", "404", "429", "500", "503", "504")) {
      assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref"))
          .as(status)
          .hasToString("\"#/components/schemas/Problem\"");
    }
    assertThat(fieldNames(responses.at("/429/headers")))
        .containsExactly("Retry-After", "X-Request-Id");
    assertThat(fieldNames(responses.at("/503/headers")))
        .containsExactly("Retry-After", "X-Request-Id");
    assertThat(fieldNames(responses.at("/400/headers"))).containsExactly("X-Request-Id");
    assertThat(responses.at("/429/headers/Retry-After/schema/type").asText()).isEqualTo("integer");
  }

  @Test
  void serviceRoutesHaveTheirOwnBodies() {
    assertThat(get("/healthz").at("/responses/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Health");
    assertThat(fieldNames(get("/readyz").get("responses"))).containsExactly("200", "503");
    assertThat(get("/readyz").at("/responses/503/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Readiness");
    assertThat(fieldNames(get("/metrics").at("/responses/200/content")))
        .containsExactly("text/plain");
    assertThat(schema("Readiness").at("/properties/status/enum").toString())
        .isEqualTo("[\"ready\",\"not_ready\"]");
    assertThat(schema("Readiness").at("/properties/gold/required").toString())
        .isEqualTo("[\"data_version\",\"last_run_time\",\"age_seconds\",\"max_age_seconds\"]");
  }

  @Test
  void rowSchemaFollowsTheLakeTypes() {
    JsonNode row = schema("V1PaymentsRow");
    assertThat(row.get("required").toString())
        .isEqualTo("[\"window_start\",\"fees_wei\",\"success_ratio\",\"models\",\"price\"]");
    assertThat(row.get("additionalProperties").asBoolean()).isFalse();
    JsonNode properties = row.get("properties");
    assertThat(properties.get("window_start").toString())
        .isEqualTo(
            "{\"type\":\"string\",\"format\":\"date-time\",\"description\":\"Start of the hour"
                + " (UTC)\"}");
    assertThat(properties.get("fees_wei").toString())
        .isEqualTo(
            "{\"type\":\"string\",\"pattern\":\"^-?[0-9]+(\\\\.[0-9]+)?$\","
                + "\"description\":\"Ticket face value won, wei\"}");
    assertThat(properties.at("/success_ratio/type").toString()).isEqualTo("[\"number\",\"null\"]");
    assertThat(properties.at("/models/items/type").toString()).isEqualTo("[\"string\",\"null\"]");
    assertThat(properties.at("/price/required").toString())
        .isEqualTo("[\"pixels_per_unit\",\"wei_per_unit\"]");
    assertThat(properties.at("/price/properties/pixels_per_unit/format").asText())
        .isEqualTo("int64");
    assertThat(properties.at("/price/properties/wei_per_unit/type").toString())
        .isEqualTo("[\"string\",\"null\"]");
    assertThat(properties.at("/price/additionalProperties").asBoolean()).isFalse();

    JsonNode orchestrator = schema("V1OrchestratorsByAddressRow").get("properties");
    assertThat(orchestrator.at("/labels/type").toString()).isEqualTo("[\"object\",\"null\"]");
    assertThat(orchestrator.at("/labels/additionalProperties/format").asText()).isEqualTo("int64");
    assertThat(orchestrator.at("/avatar/contentEncoding").asText()).isEqualTo("base64");
    assertThat(schema("V1SupplySummaryRow").at("/properties/day/format").asText())
        .isEqualTo("date");
  }

  @Test
  void responseSchemasWrapRowsByShape() {
    assertThat(schema("V1PaymentsResponse").toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{"
                + "\"data\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/V1PaymentsRow\"}},"
                + "\"pagination\":{\"$ref\":\"#/components/schemas/Pagination\"},"
                + "\"meta\":{\"$ref\":\"#/components/schemas/Meta\"}},"
                + "\"required\":[\"data\",\"pagination\",\"meta\"],\"additionalProperties\":false}");
    assertThat(schema("V1SupplySummaryResponse").get("required").toString())
        .isEqualTo("[\"data\",\"meta\"]");
    assertThat(schema("V1SupplySummaryResponse").at("/properties/data/type").asText())
        .isEqualTo("array");
    assertThat(schema("V1OrchestratorsByAddressResponse").at("/properties/data/$ref").asText())
        .isEqualTo("#/components/schemas/V1OrchestratorsByAddressRow");
    assertThat(schema("Pagination").get("required").toString())
        .isEqualTo("[\"next_cursor\",\"has_more\",\"page_size\"]");
    assertThat(schema("Meta").at("/properties/data_version/type").toString())
        .isEqualTo("[\"string\",\"null\"]");
  }

  @Test
  void theSameRoutesGiveTheSameDocument() {
    assertThat(OpenApiDocument.build(ROUTES, "1.2.0").toString()).isEqualTo(doc.toString());
  }

  @Test
  void aDuplicateOperationIdFails() {
    RouteDoc dashed = withPath(SUPPLY, "/v1/gpu-hours");
    RouteDoc underscored = withPath(SUPPLY, "/v1/gpu_hours");
    assertThatThrownBy(() -> OpenApiDocument.build(List.of(dashed, underscored), "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "duplicate operationId getV1GpuHours for paths /v1/gpu-hours and /v1/gpu_hours");
    assertThatThrownBy(() -> OpenApiDocument.build(List.of(withPath(SUPPLY, "/healthz")), "1"))
        .hasMessageContaining("getHealthz");
  }

  @Test
  void anIntegerParameterWithANonIntegerExampleFails() {
    RouteDoc route =
        new RouteDoc(
            "/v1/x",
            "s",
            "d",
            "t",
            List.of(ParamDoc.integer("limit", "Page size", 1, 500).withExample("many")),
            RouteDoc.Shape.LIST,
            List.of());
    assertThatThrownBy(() -> OpenApiDocument.build(List.of(route), "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter limit is an integer but its example is many");
  }

  @Test
  void pathParametersMustMatchTheTemplate() {
    RouteDoc undeclared = withPath(SUPPLY, "/v1/supply/{model}");
    assertThatThrownBy(() -> OpenApiDocument.build(List.of(undeclared), "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/v1/supply/{model} has path parameters [model] but declares []");
  }

  @Test
  void theDocumentIsValidOpenApi31() throws Exception {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readContents(ApiJson.MAPPER.writeValueAsString(doc), null, options);

    assertThat(result.getMessages()).isEmpty();
    OpenAPI api = result.getOpenAPI();
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    assertThat(api.getPaths()).hasSize(8);
    assertThat(api.getComponents().getSchemas())
        .containsKeys(
            "Problem", "Pagination", "Meta", "Readiness", "DashboardClock", "V1PaymentsRow");
  }

  @Test
  void theParserCheckCatchesABrokenDocument() throws Exception {
    ObjectNode broken = doc.deepCopy();
    ((ObjectNode) broken.get("info")).remove("title");
    ((ObjectNode) broken.at("/paths/~1v1~1payments/get")).remove("responses");

    SwaggerParseResult result =
        new OpenAPIV3Parser()
            .readContents(ApiJson.MAPPER.writeValueAsString(broken), null, new ParseOptions());

    assertThat(result.getMessages())
        .containsExactly(
            "attribute info.title is missing",
            "attribute paths.'/v1/payments'(get).responses is missing");
  }

  // ---- bodies against the document -----------------------------------------------------------

  private static Map<String, Object> paymentRow() {
    Map<String, Object> price = new LinkedHashMap<>();
    price.put("pixels_per_unit", 1_000L);
    price.put("wei_per_unit", new BigDecimal("1200.5000000000"));
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("window_start", Instant.parse("2026-01-15T12:00:00Z"));
    row.put("fees_wei", new BigDecimal("16800000007200000000000"));
    row.put("success_ratio", Double.NaN); // written as null
    row.put("models", java.util.Arrays.asList("stream-diffusion", null));
    row.put("price", price);
    return row;
  }

  private static JsonNode paymentsPage(Map<String, Object> row) {
    Envelope.Meta meta = new Envelope.Meta(Instant.parse("2026-01-15T13:00:00.123Z"), "r1", null);
    return json(Envelope.page(List.of(row, row), 1, r -> "cursor-1", meta));
  }

  @Test
  void aRealEnvelopeWrittenByApiJsonConforms() {
    JsonNode body = paymentsPage(paymentRow());
    assertThat(body.at("/data/0/fees_wei").asText()).isEqualTo("16800000007200000000000");
    assertThat(body.at("/data/0/success_ratio").isNull()).isTrue();

    assertThat(validator.validate("/v1/payments", 200, body)).isEmpty();
  }

  @Test
  void listAndObjectBodiesConform() {
    Map<String, Object> supplyRow = new LinkedHashMap<>();
    supplyRow.put("day", LocalDate.parse("2026-01-15"));
    supplyRow.put("gpu_model", "RTX 4090");
    supplyRow.put("gpus", 12);
    Envelope.Meta meta = new Envelope.Meta(Instant.parse("2026-01-15T13:00:00Z"), "r2", "run-7");
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("data", List.of(supplyRow));
    list.put("meta", meta);
    assertThat(validator.validate("/v1/supply/summary", 200, json(list))).isEmpty();

    Map<String, Object> orchestrator = new LinkedHashMap<>();
    orchestrator.put("address", ADDRESS);
    orchestrator.put("stake_wei", new BigDecimal("1E+21"));
    orchestrator.put("active", true);
    orchestrator.put("labels", Map.of("gpu", 3L));
    orchestrator.put("avatar", new byte[] {1, 2, 3});
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("data", orchestrator);
    object.put("meta", meta);
    assertThat(validator.validate("/v1/orchestrators/" + ADDRESS, 200, json(object))).isEmpty();
  }

  @Test
  void aMissingFieldIsReported() {
    Map<String, Object> row = paymentRow();
    row.remove("models");
    assertThat(validator.validate("/v1/payments", 200, paymentsPage(row)))
        .singleElement()
        .asString()
        .contains("/data/0", "models");
  }

  @Test
  void anExtraFieldIsReported() {
    Map<String, Object> row = paymentRow();
    row.put("internal_host", "trino:8080");
    assertThat(validator.validate("/v1/payments", 200, paymentsPage(row)))
        .singleElement()
        .asString()
        .contains("internal_host");
  }

  @Test
  void weiAsAJsonNumberIsReported() {
    ObjectNode body = (ObjectNode) paymentsPage(paymentRow());
    ((ObjectNode) body.at("/data/0")).put("fees_wei", new BigDecimal("16800000007200000000000"));
    assertThat(body.at("/data/0/fees_wei").isNumber()).isTrue();
    assertThat(validator.validate("/v1/payments", 200, body))
        .singleElement()
        .asString()
        .contains("/data/0/fees_wei", "string");
  }

  @Test
  void aWeiStringWithAnExponentIsReported() {
    ObjectNode body = (ObjectNode) paymentsPage(paymentRow());
    ((ObjectNode) body.at("/data/0")).put("fees_wei", "1.68E+22");
    assertThat(validator.validate("/v1/payments", 200, body))
        .singleElement()
        .asString()
        .contains("/data/0/fees_wei", "pattern");
  }

  @Test
  void aNullInANonNullableColumnIsReported() {
    Map<String, Object> row = paymentRow();
    row.put("window_start", null);
    assertThat(validator.validate("/v1/payments", 200, paymentsPage(row)))
        .singleElement()
        .asString()
        .contains("/data/0/window_start", "null");
  }

  @Test
  void aBadDateTimeIsReported() {
    Map<String, Object> row = paymentRow();
    row.put("window_start", "2026-01-15 12:00");
    assertThat(validator.validate("/v1/payments", 200, paymentsPage(row)))
        .singleElement()
        .asString()
        .contains("/data/0/window_start", "date-time");
  }

  @Test
  void aBadNestedFieldIsReported() {
    Map<String, Object> row = paymentRow();
    @SuppressWarnings("unchecked")
    Map<String, Object> price = (Map<String, Object>) row.get("price");
    price.put("pixels_per_unit", "many");
    assertThat(validator.validate("/v1/payments", 200, paymentsPage(row)))
        .singleElement()
        .asString()
        .contains("/data/0/price/pixels_per_unit");
  }

  @Test
  void realProblemsConformToTheProblemSchema() {
    Problem notFound = Problems.notFound().withRequest("/x", "id");
    assertThat(validator.validate("/v1/payments", 404, json(notFound))).isEmpty();
    Problem badParameter =
        Problems.badParameter(new BadParameter("limit", "limit must be at most 500"))
            .withRequest("/v1/payments", "id-2");
    assertThat(json(badParameter).get("parameter").asText()).isEqualTo("limit");
    assertThat(validator.validate("/v1/payments", 400, json(badParameter))).isEmpty();
    assertThat(validator.validate("/v1/payments", 429, json(Problems.rateLimited(2)))).isEmpty();
    assertThat(
            validator.validate(
                "/v1/payments", 503, json(Problems.of(new RuntimeException("boom")))))
        .isEmpty();
  }

  @Test
  void aProblemWithANullOrForeignMemberIsReported() {
    ObjectNode problem = (ObjectNode) json(Problems.notFound());
    problem.putNull("detail");
    assertThat(validator.validate("/v1/payments", 404, problem))
        .singleElement()
        .asString()
        .contains("detail");
    ObjectNode noStatus = (ObjectNode) json(Problems.notFound());
    noStatus.remove("status");
    assertThat(validator.validate("/v1/payments", 404, noStatus)).hasSize(1);
  }

  @Test
  void notModifiedHasNoBody() {
    assertThat(validator.validate("/v1/payments", 304, null)).isEmpty();
    assertThat(validator.validate("/v1/payments", 304, json(Map.of("data", List.of())))).hasSize(1);
  }

  @Test
  void readinessBodies() throws Exception {
    JsonNode ready =
        ApiJson.MAPPER.readTree(
            "{\"status\":\"ready\",\"trino\":{\"reachable\":true,\"detail\":null},"
                + "\"gold\":{\"data_version\":\"run-7\","
                + "\"last_run_time\":\"2026-01-15T12:00:00Z\","
                + "\"age_seconds\":60,\"max_age_seconds\":7200}}");
    assertThat(validator.validate("/readyz", 200, ready)).isEmpty();
    ((ObjectNode) ready).put("status", "degraded");
    assertThat(validator.validate("/readyz", 503, ready))
        .singleElement()
        .asString()
        .contains("/status");
  }

  @Test
  void concretePathsMapToTheirTemplates() {
    assertThat(validator.pathTemplateFor("/v1/orchestrators/" + ADDRESS))
        .isEqualTo("/v1/orchestrators/{address}");
    assertThat(validator.pathTemplateFor("/v1/payments")).isEqualTo("/v1/payments");
    assertThatThrownBy(() -> validator.pathTemplateFor("/v1/orchestrators/a/b"))
        .isInstanceOf(IllegalArgumentException.class);

    RouteDoc literal = withPath(SUPPLY, "/v1/orchestrators/summary");
    OpenApiValidator both =
        new OpenApiValidator(OpenApiDocument.build(List.of(ORCHESTRATOR, literal), "1"));
    assertThat(both.pathTemplateFor("/v1/orchestrators/summary"))
        .isEqualTo("/v1/orchestrators/summary");
  }

  private static RouteDoc withPath(RouteDoc route, String path) {
    return new RouteDoc(
        path,
        route.summary(),
        route.description(),
        route.tag(),
        route.params(),
        route.shape(),
        route.columns());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
