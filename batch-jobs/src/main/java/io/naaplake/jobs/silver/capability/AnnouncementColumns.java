package io.naaplake.jobs.silver.capability;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.naaplake.jobs.silver.Identity;
import org.apache.spark.sql.Column;

/**
 * Column expressions over one silver.network_capabilities row (one orchestrator announcement),
 * shared by the inventory tables so that snapshots, offers and prices read an announcement the same
 * way. Nested lists are handled in-row with SQL higher-order functions: no shuffle.
 */
final class AnnouncementColumns {

  private static final String NO_LOAD =
      "'warm', cast(null as boolean), 'capacity', cast(null as int),"
          + " 'capacity_in_use', cast(null as int), 'runner_version', cast(null as string)";
  private static final String NO_GPUS = "'gpu_ids', cast(array() as array<string>)";

  /** Offer items announced in PerCapability: (capability, model) with warm/capacity/load. */
  private static final String PER_CAPABILITY_ITEMS =
      "transform(capabilities_constraints_per_capability, p -> named_struct("
          + "'capability_id', p.capability_id, "
          + "'pipeline', try_element_at("
          + CapabilityCatalog.pipelineByIdSql()
          + ", p.capability_id), "
          + "'model_id', nullif(trim(p.model_id), ''), "
          + "'source', 'per_capability', "
          + "'warm', p.warm, 'capacity', p.capacity, 'capacity_in_use', p.capacity_in_use,"
          + " 'runner_version', p.runner_version, "
          + NO_GPUS
          + "))";

  /** Offer items announced as hardware entries, with the UUIDs of their GPUs (maybe none). */
  private static final String HARDWARE_ITEMS =
      "transform(hardware, h -> named_struct("
          + "'capability_id', try_element_at("
          + CapabilityCatalog.idByPipelineSql()
          + ", trim(h.pipeline)), "
          + "'pipeline', nullif(trim(h.pipeline), ''), "
          + "'model_id', nullif(trim(h.model_id), ''), "
          + "'source', 'hardware', "
          + NO_LOAD
          + ", 'gpu_ids', coalesce(filter(transform(h.gpu_info, g -> nullif(trim(g.id), '')),"
          + " i -> i is not null), cast(array() as array<string>))))";

  /** Offer items of BYOC capability_options: capability name to models. */
  private static final String BYOC_ITEMS =
      "flatten(transform(map_entries(capability_options), e -> transform(e.value, o ->"
          + " named_struct("
          + "'capability_id', "
          + CapabilityCatalog.BYOC
          + ", 'pipeline', nullif(trim(e.key), ''), "
          + "'model_id', nullif(trim(o.model), ''), "
          + "'source', 'capability_options', "
          + NO_LOAD
          + ", "
          + NO_GPUS
          + "))))";

  /**
   * Every offer item of the announcement, one per source entry (so one offer may appear several
   * times), without entries that lack a pipeline or a model. A null list contributes nothing.
   */
  static final String OFFER_ITEMS =
      "filter(flatten(filter(array("
          + PER_CAPABILITY_ITEMS
          + ", "
          + HARDWARE_ITEMS
          + ", "
          + BYOC_ITEMS
          + "), a -> a is not null)), x -> x.pipeline is not null and x.model_id is not null)";

  /**
   * Pipeline of a price quote {@code q}: the catalog's for builtin capabilities, the constraint
   * (external capability name) for BYOC.
   */
  static String quotePipeline(String q) {
    return "CASE WHEN %1$s.capability = %2$d THEN nullif(trim(%1$s.`constraint`), '') ELSE try_element_at(%3$s, %1$s.capability) END"
        .formatted(q, CapabilityCatalog.BYOC, CapabilityCatalog.pipelineByIdSql());
  }

  /** Model of a price quote {@code q}: the constraint of builtin capabilities; none for BYOC. */
  static String quoteModel(String q) {
    return "CASE WHEN %1$s.capability = %2$d THEN cast(null as string) ELSE nullif(trim(%1$s.`constraint`), '') END"
        .formatted(q, CapabilityCatalog.BYOC);
  }

  /**
   * True when some offer has no capability-specific price quote (a BYOC quote covers its
   * capability, a builtin one its pipeline and model), or there are no offers at all: then the
   * global price is the one that applies to something.
   */
  static Column offerWithoutCapabilityPrice() {
    String covered =
        ("exists(capabilities_prices, q -> q.price_per_unit is not null"
                + " and %1$s = o.pipeline"
                + " and ((o.capability_id = %3$d and q.capability = %3$d) or %2$s = o.model_id))")
            .formatted(quotePipeline("q"), quoteModel("q"), CapabilityCatalog.BYOC);
    return expr(
        "size("
            + OFFER_ITEMS
            + ") = 0 or exists("
            + OFFER_ITEMS
            + ", o -> not coalesce("
            + covered
            + ", false))");
  }

  /** Distinct (pipeline, model) offered: the row count of capability_offers. */
  static Column offerCount() {
    return expr(
        "size(array_distinct(transform("
            + OFFER_ITEMS
            + ", x -> named_struct('pipeline', x.pipeline, 'model_id', x.model_id))))");
  }

  /** Distinct GPU UUIDs over the announcement's offers. */
  static Column gpuUuidCount() {
    return expr("size(array_distinct(flatten(transform(" + OFFER_ITEMS + ", x -> x.gpu_ids))))");
  }

  static Column orchAddress() {
    return Identity.address(col("address"));
  }

  /** data.orch_uri, else the older data.uri. */
  static Column orchUri() {
    return coalesce(Identity.uri(col("orch_uri")), Identity.uri(col("uri")));
  }

  /**
   * SHA-256 of the announcement as the orchestrator declares it, lists sorted so that order alone
   * is no change. capacity_in_use and memory_free are left out: they move with load on every poll,
   * and a version is a change in what is offered, not in how busy it is. GPU indexes are left out
   * too: the same cards listed in another order are the same hardware.
   */
  static Column contentHash() {
    return expr(
        "sha2(to_json(named_struct("
            + "'local_address', lower(trim(local_address)), "
            + "'node_version', trim(capabilities_version), "
            + "'min_version', capabilities_constraints_min_version, "
            + "'bitstring', capabilities_bitstring, "
            + "'mandatories', capabilities_mandatories, "
            + "'capacities', array_sort(map_entries(capabilities_capacities)), "
            + "'per_capability', array_sort(transform(capabilities_constraints_per_capability,"
            + " p -> named_struct('capability_id', p.capability_id, 'model_id', p.model_id,"
            + " 'warm', p.warm, 'capacity', p.capacity, 'runner_version', p.runner_version))), "
            + "'prices', array_sort(capabilities_prices), "
            + "'price_info', named_struct('price_per_unit', price_info_price_per_unit,"
            + " 'pixels_per_unit', price_info_pixels_per_unit,"
            + " 'capability', price_info_capability, 'constraint', price_info_constraint), "
            + "'hardware', array_sort(transform(hardware, h -> named_struct("
            + "'pipeline', h.pipeline, 'model_id', h.model_id, "
            + "'gpus', array_sort(transform(h.gpu_info, g -> named_struct('id', g.id,"
            + " 'name', g.name, 'memory_total', g.memory_total, 'major', g.major,"
            + " 'minor', g.minor)))))), "
            + "'capability_options', array_sort(transform(map_entries(capability_options),"
            + " e -> named_struct('name', e.key, 'models', array_sort(e.value))))"
            + ")), 256)");
  }

  private AnnouncementColumns() {}
}
