package io.naaplake.jobs.silver.attribution;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What attribution looks at: orchestrator announcements and what they offered.
 *
 * @param snapshots silver.orchestrator_snapshots rows (org, event_id, element_index, snapshot_ts,
 *     orch_address, local_address, orch_uri)
 * @param offers silver.capability_offers rows (org, event_id, element_index, pipeline, model_id)
 * @param hardware silver.gpu_hardware rows (org, event_id, element_index, pipeline, model_id,
 *     gpu_uuid, gpu_name)
 * @param uuidMap silver.gpu_uuid_map rows (orch_address, orch_uri, gpu_uuid, physical_gpu_id)
 */
public record AttributionEvidence(
    Dataset<Row> snapshots, Dataset<Row> offers, Dataset<Row> hardware, Dataset<Row> uuidMap) {

  public AttributionEvidence {
    requireNonNull(snapshots, "snapshots is null");
    requireNonNull(offers, "offers is null");
    requireNonNull(hardware, "hardware is null");
    requireNonNull(uuidMap, "uuidMap is null");
  }
}
