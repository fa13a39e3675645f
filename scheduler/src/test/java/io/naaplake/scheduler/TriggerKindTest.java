package io.naaplake.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.ErrorCategory;
import io.naaplake.errors.NaapException;
import org.junit.jupiter.api.Test;

class TriggerKindTest {

  @Test
  void labelsRoundTrip() {
    assertThat(TriggerKind.MISFIRE_CATCH_UP.label()).isEqualTo("misfire-catch-up");
    for (TriggerKind kind : TriggerKind.values()) {
      assertThat(TriggerKind.fromLabel(kind.label())).isEqualTo(kind);
    }
    assertThat(RunStatus.fromLabel("retrying")).isEqualTo(RunStatus.RETRYING);
  }

  @Test
  void chainsAreFoundByNameAndAnUnknownNameIsBadInput() {
    assertThat(Chain.byId("hourly")).isEqualTo(Chain.HOURLY);
    assertThat(Chain.byId("daily")).isEqualTo(Chain.DAILY);
    assertThatThrownBy(() -> Chain.byId("weekly"))
        .isInstanceOfSatisfying(
            NaapException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_DATA))
        .hasMessageContaining("hourly, daily");
  }
}
