package io.naaplake.jobs.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OffsetJsonTest {
  private static final List<OffsetRange> RANGES =
      List.of(
          new OffsetRange("a", 0, "o", 5, 9),
          new OffsetRange("a", 3, "o", 0, 2),
          new OffsetRange("b", 1, "p", 7, 7));

  @Test
  void sparkOptions() {
    assertThat(OffsetJson.assignment(RANGES)).isEqualTo("{\"a\":[0,3],\"b\":[1]}");
    assertThat(OffsetJson.offsets(RANGES, true))
        .isEqualTo("{\"a\":{\"0\":5,\"3\":0},\"b\":{\"1\":7}}");
    assertThat(OffsetJson.offsets(RANGES, false))
        .isEqualTo("{\"a\":{\"0\":9,\"3\":2},\"b\":{\"1\":7}}");
  }

  @Test
  void rangesForTheRunLog() {
    assertThat(OffsetJson.ranges(RANGES))
        .isEqualTo("{\"a\":{\"0\":[5,9],\"3\":[0,2]},\"b\":{\"1\":[7,7]}}");
  }
}
