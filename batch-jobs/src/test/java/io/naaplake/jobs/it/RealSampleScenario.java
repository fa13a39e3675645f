package io.naaplake.jobs.it;

import io.naaplake.tools.EventsFile;
import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishResult;
import java.util.List;

/**
 * The real Kafka export of one live session (../shared/samples): 65 envelopes of stream {@code
 * stream-o5s73x-mk5zc8fy} on 2026-01-08, published unshifted to {@code streaming_events} (org
 * cloudspe).
 */
public final class RealSampleScenario implements FixtureScenario {
  public static final String FILE = "streaming-events-2026-01-08.kafka-ui.json";
  public static final String TOPIC = "streaming_events";
  public static final String ORG = "cloudspe";
  public static final String DATE = "2026-01-08";

  @Override
  public String name() {
    return "real sample";
  }

  @Override
  public List<PublishResult> publish(KafkaEventPublisher publisher) {
    EventsFile file = EventsFile.read(ItEnvironment.samples().resolve(FILE));
    return List.of(publisher.publish(TOPIC, file.envelopes()));
  }
}
