/**
 * Kafka-side tools of NaaP Lake: putting events on a topic the way gateways do.
 *
 * <ul>
 *   <li>{@link io.naaplake.tools.ReplayCommand}: replay a captured file (JSON lines or a Kafka UI
 *       export), optionally shifted to now with {@link io.naaplake.tools.TimestampShift};
 *   <li>{@link io.naaplake.tools.GenerateCommand}: write or publish deterministic synthetic
 *       envelopes ({@link io.naaplake.tools.SyntheticEnvelopes}) for demos and the ingest
 *       benchmark;
 *   <li>{@link io.naaplake.tools.KafkaEventPublisher}: the publishing itself, also for tests that
 *       need malformed or oversized messages.
 * </ul>
 *
 * Configuration comes from {@link io.naaplake.tools.ToolsConfig}; every failure is a {@link
 * io.naaplake.errors.NaapException} from {@link io.naaplake.errors.LakeErrors}.
 */
package io.naaplake.tools;
