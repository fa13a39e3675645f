package io.naaplake.jobs.it;

import io.naaplake.config.Settings;
import io.naaplake.jobs.JobsConfig;
import io.naaplake.jobs.LakePipeline;
import io.naaplake.jobs.runs.JobRun;
import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishResult;
import io.naaplake.tools.ToolsConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lake every integration test asserts on, built once per test run by the real pipeline from all
 * fixture scenarios, in two deliveries:
 *
 * <ol>
 *   <li>publish every scenario to the real broker, then one pipeline pass at {@link #RUN_TIME};
 *   <li>publish every scenario's late messages ({@link FixtureScenario#publishLate}) and, if there
 *       were any, a second pass at {@link #LATE_RUN_TIME}. The second pass sees only the late
 *       messages, so tests can tell what a late arrival changed.
 * </ol>
 *
 * {@link #buildRuns()} holds the job runs of both passes, in order; {@link #published()} every
 * acknowledged publish of both deliveries.
 */
public final class FixtureLake {
  /** Run time of the fixture build; every run-time-stamped column carries it. */
  public static final Instant RUN_TIME = Instant.parse("2026-01-09T00:00:00Z");

  /** Run time of the second pass, over the late messages; only run when there are any. */
  public static final Instant LATE_RUN_TIME = RUN_TIME.plusSeconds(3600);

  /**
   * The fixture packs scenarios dated 2025-11-10 to 2026-01-08 into the same two orgs, so lateness
   * (measured per org against the latest event time seen) would measure a scenario's late message
   * against another scenario's days, and the default 48 h horizon would leave it unrecomputed. A
   * horizon longer than the fixture's whole span keeps lateness about the scenario itself. Tests of
   * the horizon use private lakes.
   */
  public static final String LATENESS_HORIZON = "120d";

  /** Smaller than the default so the oversized scenario stays below Kafka's 1 MB limit. */
  public static final String MAX_EVENT_SIZE = "64kB";

  static final List<FixtureScenario> SCENARIOS =
      List.of(
          new RealSampleScenario(),
          new MalformedMessagesScenario(),
          new SilverQuirksScenario(),
          new SimulatedNetworkScenario(),
          new SessionScenarios(),
          new RealCapabilitiesScenario());

  private static FixtureLake instance;

  private final JobsConfig config;
  private final List<PublishResult> published;
  private final List<JobRun> buildRuns;

  private FixtureLake(JobsConfig config, List<PublishResult> published, List<JobRun> buildRuns) {
    this.config = config;
    this.published = List.copyOf(published);
    this.buildRuns = List.copyOf(buildRuns);
  }

  public static synchronized FixtureLake get() {
    if (instance == null) {
      instance = build();
    }
    return instance;
  }

  private static FixtureLake build() {
    JobsConfig config = config();
    List<PublishResult> published = new ArrayList<>();
    List<JobRun> runs = new ArrayList<>();
    LakePipeline pipeline =
        new LakePipeline(
            SharedSpark.get(),
            config,
            Clock.systemUTC(),
            line -> System.out.println("[fixture] " + line));
    ToolsConfig tools =
        ToolsConfig.from(Settings.of(Map.of(ItEnvironment.KAFKA, ItEnvironment.kafka())));
    try (KafkaEventPublisher publisher = KafkaEventPublisher.connect(tools)) {
      for (FixtureScenario scenario : SCENARIOS) {
        List<PublishResult> results = scenario.publish(publisher);
        published.addAll(results);
        System.out.println("[fixture] published " + scenario.name() + ": " + results);
      }
      runs.addAll(pipeline.runOnce(RUN_TIME));

      long late = 0;
      for (FixtureScenario scenario : SCENARIOS) {
        List<PublishResult> results = scenario.publishLate(publisher);
        if (!results.isEmpty()) {
          published.addAll(results);
          late += results.stream().mapToLong(PublishResult::records).sum();
          System.out.println("[fixture] published late " + scenario.name() + ": " + results);
        }
      }
      if (late > 0) {
        runs.addAll(pipeline.runOnce(LATE_RUN_TIME));
      }
    }
    return new FixtureLake(config, published, runs);
  }

  public static JobsConfig config() {
    return ItEnvironment.jobsConfig(
        Map.of(
            "naap.ingest.max-event-size",
            MAX_EVENT_SIZE,
            "naap.silver.lateness-horizon",
            LATENESS_HORIZON));
  }

  public JobsConfig jobsConfig() {
    return config;
  }

  /** What the broker acknowledged for every scenario, on-time and late deliveries. */
  public List<PublishResult> published() {
    return published;
  }

  /**
   * The job runs of the fixture build: the first pass at {@link #RUN_TIME}, then, when scenarios
   * held messages back, the second at {@link #LATE_RUN_TIME}.
   */
  public List<JobRun> buildRuns() {
    return buildRuns;
  }
}
