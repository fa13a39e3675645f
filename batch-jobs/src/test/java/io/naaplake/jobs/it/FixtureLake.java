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
 * fixture scenarios: publish every scenario to the real broker, then one pipeline pass.
 */
public final class FixtureLake {
  /** Run time of the fixture build; every run-time-stamped column carries it. */
  public static final Instant RUN_TIME = Instant.parse("2026-01-09T00:00:00Z");

  /** Smaller than the default so the oversized scenario stays below Kafka's 1 MB limit. */
  public static final String MAX_EVENT_SIZE = "64kB";

  static final List<FixtureScenario> SCENARIOS =
      List.of(
          new RealSampleScenario(),
          new MalformedMessagesScenario(),
          new SilverQuirksScenario(),
          new SimulatedNetworkScenario());

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
    ToolsConfig tools =
        ToolsConfig.from(Settings.of(Map.of(ItEnvironment.KAFKA, ItEnvironment.kafka())));
    try (KafkaEventPublisher publisher = KafkaEventPublisher.connect(tools)) {
      for (FixtureScenario scenario : SCENARIOS) {
        List<PublishResult> results = scenario.publish(publisher);
        published.addAll(results);
        System.out.println("[fixture] published " + scenario.name() + ": " + results);
      }
    }
    LakePipeline pipeline =
        new LakePipeline(
            SharedSpark.get(),
            config,
            Clock.systemUTC(),
            line -> System.out.println("[fixture] " + line));
    List<JobRun> runs = pipeline.runOnce(RUN_TIME);
    return new FixtureLake(config, published, runs);
  }

  public static JobsConfig config() {
    return ItEnvironment.jobsConfig(Map.of("naap.ingest.max-event-size", MAX_EVENT_SIZE));
  }

  public JobsConfig jobsConfig() {
    return config;
  }

  /** What the broker acknowledged for every scenario. */
  public List<PublishResult> published() {
    return published;
  }

  /** The job runs of the fixture build. */
  public List<JobRun> buildRuns() {
    return buildRuns;
  }
}
