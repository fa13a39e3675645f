package io.naaplake.jobs.silver.capability;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The fingerprint's two outputs.
 *
 * @param physicalGpus rows of silver.physical_gpus
 * @param gpuUuidMap rows of silver.gpu_uuid_map
 */
public record PhysicalGpuTables(Dataset<Row> physicalGpus, Dataset<Row> gpuUuidMap) {}
