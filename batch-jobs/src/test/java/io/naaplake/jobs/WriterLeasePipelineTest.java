package io.naaplake.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.naaplake.errors.NaapException;
import io.naaplake.jobs.lake.LeaseStore;
import io.naaplake.jobs.lake.LocalSpark;
import io.naaplake.jobs.lake.WriterLease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's writing operations wait for the lake's writer lease before touching a table. */
class WriterLeasePipelineTest {
  @TempDir Path lake;

  @Test
  void aWriteIntoABusyLakeFailsFastAndWritesNothing() throws Exception {
    JobsConfig config = LocalSpark.lakeAt(lake);
    List<String> progress = new CopyOnWriteArrayList<>();
    LeaseStore store =
        LeaseStore.forLake(
            config.lakeRoot(), LocalSpark.get().sparkContext().hadoopConfiguration());
    try (WriterLease scheduler =
        WriterLease.acquire(
            store,
            config.writerLease(),
            "scheduler hourly: run",
            Duration.ZERO,
            Clock.systemUTC(),
            progress::add)) {
      LakePipeline cli =
          new LakePipeline(
              LocalSpark.get(), config, Clock.systemUTC(), progress::add, "cli", Duration.ZERO);

      assertThatThrownBy(cli::migrate)
          .isInstanceOfSatisfying(
              NaapException.class, e -> assertThat(e.code()).isEqualTo("LAKE_WRITER_BUSY"))
          .hasMessageContaining("written by \"scheduler hourly: run\"");
      scheduler.checkStillHeld();
      try (Stream<Path> top = Files.list(lake)) {
        assertThat(top).as("no table was created").containsExactly(lake.resolve("_naap"));
      }
    }
    assertThat(progress).isEmpty();
  }
}
