package io.naaplake.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.config.Settings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainRunnerProvidersTest {
  private static final Settings SETTINGS = Settings.of(Map.of("naap.test.answer", "42"));

  @Test
  void theServiceLoaderFindsTheProviderOnTheClasspath() throws Exception {
    // src/test/resources/META-INF/services registers EchoingProvider, as batch-jobs will register
    // the real one.
    ChainRunner runner = ChainRunnerProviders.load(SETTINGS);
    ChainResult result =
        runner.run(
            ChainRequest.at(
                Chain.HOURLY, TriggerKind.MANUAL, Instant.parse("2026-01-15T12:00:00Z"), 1));
    assertThat(result.summary()).isEqualTo("hourly for 2026-01-15T12:00:00Z with 42");
  }

  @Test
  void noneOrSeveralProvidersAreAPackagingError() {
    assertThatThrownBy(() -> ChainRunnerProviders.load(SETTINGS, List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("found none");
    assertThatThrownBy(
            () ->
                ChainRunnerProviders.load(
                    SETTINGS, List.of(new EchoingProvider(), new EchoingProvider())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(EchoingProvider.class.getName());
  }

  /** A provider whose runner reports what it was asked and one setting it was created with. */
  public static final class EchoingProvider implements ChainRunnerProvider {
    @Override
    public ChainRunner create(Settings settings) {
      String answer = settings.string("naap.test.answer", "?");
      return request ->
          new ChainResult(request.chain() + " for " + request.runTime() + " with " + answer);
    }
  }
}
