package io.naaplake.jobs.it;

import io.naaplake.tools.KafkaEventPublisher;
import io.naaplake.tools.PublishResult;
import java.util.List;

/**
 * A set of fixture events published into the fixture lake's topics. Each scenario uses its own
 * stream ids and dates, so no scenario changes another's numbers; later issues add scenarios to
 * {@link FixtureLake#SCENARIOS}. A scenario may also hold messages back for a second delivery
 * ({@link #publishLate}): the fixture publishes them only after its first pipeline pass, so they
 * arrive late, as they do when a producer's batch is delayed.
 */
public interface FixtureScenario {
  /** Short name, used in progress lines. */
  String name();

  /** Publishes the scenario's messages; returns what the broker acknowledged. */
  List<PublishResult> publish(KafkaEventPublisher publisher);

  /**
   * Publishes the messages that arrive after the fixture's first pipeline pass (see {@link
   * FixtureLake}); none by default.
   */
  default List<PublishResult> publishLate(KafkaEventPublisher publisher) {
    return List.of();
  }
}
