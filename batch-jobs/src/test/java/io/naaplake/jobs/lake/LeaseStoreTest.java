package io.naaplake.jobs.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseStoreTest {
  @TempDir Path lake;

  @Test
  void localPathsAndFileUrisUseTheAtomicLocalStore() throws IOException {
    Path expected = lake.resolve("_naap/writer.lease");

    LeaseStore byPath = LeaseStore.forLake(lake.toString(), new Configuration());
    LeaseStore byUri = LeaseStore.forLake(lake.toUri().toString(), new Configuration());

    assertThat(byPath).isInstanceOf(LocalLeaseStore.class);
    assertThat(byPath.location()).isEqualTo(expected.toString());
    assertThat(byUri).isInstanceOf(LocalLeaseStore.class);
    assertThat(byUri.location()).isEqualTo(expected.toString());
  }

  @Test
  void theLocalStoreCreatesOnlyIfAbsentReplacesAndDeletes() throws IOException {
    assertFileSemantics(LeaseStore.forLake(lake.toString(), new Configuration()));
  }

  @Test
  void theHadoopStoreCreatesOnlyIfAbsentReplacesAndDeletes() throws IOException {
    // Hadoop's raw local file system stands in for HDFS here: same calls, not the same atomicity.
    FileSystem raw = FileSystem.getLocal(new Configuration()).getRaw();
    org.apache.hadoop.fs.Path file =
        new org.apache.hadoop.fs.Path(lake.toUri().toString(), "_naap/writer.lease");
    assertFileSemantics(new HadoopLeaseStore(raw, file));
  }

  private static void assertFileSemantics(LeaseStore store) throws IOException {
    assertThat(store.read()).isEmpty();
    assertThat(store.createIfAbsent("first")).isTrue();
    assertThat(store.createIfAbsent("second")).isFalse();
    assertThat(store.read()).contains("first");
    store.replace("third");
    assertThat(store.read()).contains("third");
    assertThat(store.delete()).isTrue();
    assertThat(store.delete()).isFalse();
    assertThat(store.read()).isEmpty();
  }
}
