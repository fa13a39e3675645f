/**
 * A seeded simulator of the Livepeer AI network with ground truth (issue 3).
 *
 * <ul>
 *   <li>{@link io.naaplake.simulator.SimulateCommand}: the {@code simulate} command (Kafka or
 *       {@code --out} files, {@code --truth} directory, compressed or real time);
 *   <li>{@link io.naaplake.simulator.NetworkSimulator} with {@link
 *       io.naaplake.simulator.SimulationConfig}: the library API integration tests call; messages
 *       go to a {@link io.naaplake.simulator.MessageSink}, truth to a {@link
 *       io.naaplake.simulator.TruthSink} ({@link io.naaplake.simulator.TruthDirectory} writes the
 *       files of {@link io.naaplake.simulator.TruthFile});
 *   <li>{@link io.naaplake.simulator.JsonLinesDirectory} and {@link
 *       io.naaplake.simulator.KafkaMessageSink}: the two message sinks of the command.
 * </ul>
 *
 * <p>What is simulated, every truth file's record fields, how late and out-of-order delivery are
 * realised in compressed time and how the truth marks facts the delivered events cannot reveal are
 * described in {@code simulator/src/README.md}. Every failure is a {@link
 * io.naaplake.errors.NaapException} from {@link io.naaplake.errors.LakeErrors}.
 */
package io.naaplake.simulator;
