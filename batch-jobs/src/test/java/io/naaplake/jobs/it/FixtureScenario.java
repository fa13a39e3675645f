package io.naaplake.jobs.it;

import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishResult;
import java.util.List;

/**
 * A set of fixture events published into the fixture lake's topics. Each scenario uses its own
 * stream ids and dates, so no scenario changes another's numbers; later issues add scenarios to
 * {@link FixtureLake#SCENARIOS}.
 */
public interface FixtureScenario {
  /** Short name, used in progress lines. */
  String name();

  /** Publishes the scenario's messages; returns what the broker acknowledged. */
  List<PublishResult> publish(KafkaEventPublisher publisher);
}
