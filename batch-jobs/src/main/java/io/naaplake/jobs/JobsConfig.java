package io.naaplake.jobs;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.DataSize;
import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import io.naaplake.jobs.lake.WriterLeaseConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration of the batch jobs, read once from {@link Settings}. Every path, master URL and
 * endpoint lives here, so the same job jar runs embedded or on a cluster.
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><td>naap.lake.root</td><td>.run/lake (absolute path or any Hadoop URI, e.g. s3a://b/lake)</td></tr>
 *   <tr><td>naap.spark.master</td><td>local[2]; empty when launched by spark-submit</td></tr>
 *   <tr><td>naap.spark.shuffle-partitions</td><td>2</td></tr>
 *   <tr><td>naap.spark.concurrent-writes</td><td>2: how many independent table writes of one job
 *   run side by side (1 writes one table at a time)</td></tr>
 *   <tr><td>naap.spark.codegen</td><td>false: Spark evaluates expressions without generating and
 *   compiling code for each plan, which is cheaper for the small hourly batches of one machine;
 *   true restores Spark's code generation (large backfills on a cluster)</td></tr>
 *   <tr><td>naap.kafka.bootstrap-servers</td><td>127.0.0.1:19092</td></tr>
 *   <tr><td>naap.kafka.client.*</td><td>passed to the Kafka consumer (SASL/TLS settings)</td></tr>
 *   <tr><td>naap.kafka.timeout</td><td>30s: how long a Kafka request of the ingest may take; an
 *   unreachable broker then fails the run with KAFKA_UNAVAILABLE (retriable) instead of hanging</td></tr>
 *   <tr><td>naap.ingest.topics</td><td>streaming_events:cloudspe,network_events:daydream</td></tr>
 *   <tr><td>naap.ingest.max-event-size</td><td>512kB; larger messages are quarantined</td></tr>
 *   <tr><td>naap.ingest.quarantine-prefix-size</td><td>4kB kept of a quarantined value</td></tr>
 *   <tr><td>naap.ingest.max-offsets-per-partition</td><td>1000000 per batch</td></tr>
 *   <tr><td>naap.trino.url</td><td>jdbc:trino://127.0.0.1:18080</td></tr>
 *   <tr><td>naap.trino.catalog</td><td>delta</td></tr>
 *   <tr><td>naap.trino.pipeline-user</td><td>naap_pipeline</td></tr>
 *   <tr><td>naap.trino.lake-location</td><td>local:/// (the lake root as Trino's catalog sees it)</td></tr>
 *   <tr><td>naap.trino.register</td><td>true; false skips Trino registration</td></tr>
 *   <tr><td>naap.silver.client-ip-key</td><td>none: client IPs are dropped; with a key they are
 *   stored as HMAC-SHA256(key, ip)</td></tr>
 *   <tr><td>naap.silver.attribution.fresh-window</td><td>30m: announcements this long before a
 *   selection are fresh evidence</td></tr>
 *   <tr><td>naap.silver.attribution.future-skew</td><td>5m: announcements this long after a
 *   selection are accepted as future_skew</td></tr>
 *   <tr><td>naap.silver.attribution.stale-lookback</td><td>24h: older announcements are stale
 *   evidence up to this age</td></tr>
 *   <tr><td>naap.silver.lateness-horizon</td><td>48h: events further behind their org's event-time
 *   high-water mark are stored and counted but do not recompute history</td></tr>
 *   <tr><td>naap.lease.ttl</td><td>2m: a writer lease not renewed for this long has expired (how
 *   long a crashed writer blocks the lake)</td></tr>
 *   <tr><td>naap.lease.heartbeat-interval</td><td>20s: how often a holder renews its lease; must be
 *   shorter than the TTL</td></tr>
 *   <tr><td>naap.lease.max-wait</td><td>0s: how long a writer waits for a busy lake before failing
 *   with LAKE_WRITER_BUSY; 0s fails at once (CLI runs); the scheduler passes its own</td></tr>
 *   <tr><td>naap.lease.poll-interval</td><td>2s: how often a waiting writer looks again</td></tr>
 * </table>
 */
public record JobsConfig(
    String lakeRoot,
    String sparkMaster,
    int shufflePartitions,
    int concurrentWrites,
    boolean sparkCodegen,
    String kafkaBootstrapServers,
    Map<String, String> kafkaClientProperties,
    Map<String, String> topicOrgs,
    DataSize maxEventSize,
    DataSize quarantinePrefixSize,
    long maxOffsetsPerPartition,
    String trinoUrl,
    String trinoCatalog,
    String trinoPipelineUser,
    String trinoLakeLocation,
    boolean registerInTrino,
    java.util.Optional<String> clientIpKey,
    io.naaplake.jobs.silver.SilverWindows silverWindows,
    WriterLeaseConfig writerLease,
    java.time.Duration kafkaTimeout) {

  public static final String KAFKA_CLIENT_PREFIX = "naap.kafka.client.";

  public JobsConfig {
    requireNonNull(lakeRoot, "lakeRoot is null");
    requireNonNull(sparkMaster, "sparkMaster is null");
    requireNonNull(clientIpKey, "clientIpKey is null");
    requireNonNull(silverWindows, "silverWindows is null");
    requireNonNull(writerLease, "writerLease is null");
    kafkaClientProperties = Map.copyOf(kafkaClientProperties);
    topicOrgs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topicOrgs));
    if (topicOrgs.isEmpty()) {
      throw LakeErrors.badConfiguration("naap.ingest.topics", "", "at least one topic:org");
    }
    if (maxEventSize.bytes() < 1024) {
      throw LakeErrors.badConfiguration(
          "naap.ingest.max-event-size", maxEventSize.bytes() + "B", "must be at least 1kB");
    }
    Settings.requirePositive("naap.ingest.max-offsets-per-partition", maxOffsetsPerPartition);
    Settings.requirePositive("naap.spark.shuffle-partitions", shufflePartitions);
    Settings.requirePositive("naap.spark.concurrent-writes", concurrentWrites);
    requireNonNull(kafkaTimeout, "kafkaTimeout is null");
    if (kafkaTimeout.toMillis() < 1 || kafkaTimeout.toMillis() > Integer.MAX_VALUE) {
      throw LakeErrors.badConfiguration(
          "naap.kafka.timeout", kafkaTimeout.toString(), "between 1ms and 24 days");
    }
  }

  public static JobsConfig from(Settings settings) {
    return new JobsConfig(
        absoluteIfLocal(settings.string("naap.lake.root", ".run/lake")),
        settings.string("naap.spark.master", "local[2]"),
        settings.integer("naap.spark.shuffle-partitions", 2),
        settings.integer("naap.spark.concurrent-writes", 2),
        settings.bool("naap.spark.codegen", false),
        settings.string("naap.kafka.bootstrap-servers", "127.0.0.1:19092"),
        settings.withPrefix(KAFKA_CLIENT_PREFIX),
        settings.pairs("naap.ingest.topics", orderedDefaultTopics()),
        settings.dataSize("naap.ingest.max-event-size", DataSize.ofKilobytes(512)),
        settings.dataSize("naap.ingest.quarantine-prefix-size", DataSize.ofKilobytes(4)),
        settings.longValue("naap.ingest.max-offsets-per-partition", 1_000_000L),
        settings.string("naap.trino.url", "jdbc:trino://127.0.0.1:18080"),
        settings.string("naap.trino.catalog", "delta"),
        settings.string("naap.trino.pipeline-user", "naap_pipeline"),
        settings.string("naap.trino.lake-location", "local:///"),
        settings.bool("naap.trino.register", true),
        settings.optionalString("naap.silver.client-ip-key"),
        io.naaplake.jobs.silver.SilverWindows.from(settings),
        WriterLeaseConfig.from(settings),
        settings.duration("naap.kafka.timeout", java.time.Duration.ofSeconds(30)));
  }

  private static Map<String, String> orderedDefaultTopics() {
    Map<String, String> topics = new LinkedHashMap<>();
    topics.put("streaming_events", "cloudspe");
    topics.put("network_events", "daydream");
    return topics;
  }

  /** Relative local paths are resolved against the working directory; URIs are kept. */
  private static String absoluteIfLocal(String root) {
    if (root.contains("://") || root.startsWith("file:")) {
      return root;
    }
    return Path.of(root).toAbsolutePath().normalize().toString();
  }

  /** How this configuration runs a job's independent table writes. */
  public io.naaplake.jobs.lake.ConcurrentWrites writes() {
    return new io.naaplake.jobs.lake.ConcurrentWrites(concurrentWrites);
  }

  /** Location of a table (relative path like {@code bronze/raw_events}) under the lake root. */
  public String tablePath(String relativePath) {
    return lakeRoot.endsWith("/") ? lakeRoot + relativePath : lakeRoot + "/" + relativePath;
  }
}
