package io.naaplake.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Readers (the API, researchers) can select; only the pipeline identity changes the catalog. */
class TrinoAccessIT {
  private static final String READER = TrinoClient.READER_USER;

  @BeforeAll
  static void buildFixtureLake() {
    FixtureLake.get();
  }

  @Test
  void readerCanSelect() throws Exception {
    assertThat(TrinoClient.count("SELECT count(*) FROM delta.bronze.raw_events")).isPositive();
  }

  @Test
  void readerCannotInsert() {
    assertDenied("INSERT INTO delta.ops.job_runs (run_id) VALUES ('reader-was-here')");
  }

  @Test
  void readerCannotDeleteOrDrop() {
    assertDenied("DELETE FROM delta.bronze.raw_events");
    assertDenied("DROP TABLE delta.bronze.raw_events");
  }

  @Test
  void readerCannotCreateSchemasOrTables() {
    assertDenied("CREATE SCHEMA delta.reader_schema");
    assertDenied("CREATE TABLE delta.bronze.reader_table AS SELECT 1 AS x");
  }

  @Test
  void readerCannotRegisterOrUnregisterTables() {
    assertDenied(
        "CALL delta.system.register_table(schema_name => 'bronze', table_name => 'copy',"
            + " table_location => 'local:///bronze/raw_events')");
    assertDenied(
        "CALL delta.system.unregister_table(schema_name => 'bronze', table_name => 'raw_events')");
  }

  @Test
  void tablesStillThereAfterDeniedAttempts() throws Exception {
    assertThat(TrinoClient.count("SELECT count(*) FROM delta.bronze.raw_events")).isPositive();
  }

  private static void assertDenied(String sql) {
    assertThatThrownBy(() -> TrinoClient.execute(READER, sql))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Access Denied");
  }
}
