package io.naaplake.schema.events;

import static io.naaplake.schema.LakeType.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.schema.Column;
import org.junit.jupiter.api.Test;

class WireNamesTest {

  @Test
  void convertsProducerNamesToLowerSnakeCase() {
    assertThat(WireNames.toSnakeCase("faceValue")).isEqualTo("face_value");
    assertThat(WireNames.toSnakeCase("manifestID")).isEqualTo("manifest_id");
    assertThat(WireNames.toSnakeCase("clientIP")).isEqualTo("client_ip");
    assertThat(WireNames.toSnakeCase("ID")).isEqualTo("id");
    assertThat(WireNames.toSnakeCase("BytesReceived")).isEqualTo("bytes_received");
    assertThat(WireNames.toSnakeCase("PerCapability")).isEqualTo("per_capability");
    assertThat(WireNames.toSnakeCase("capacityInUse")).isEqualTo("capacity_in_use");
    assertThat(WireNames.toSnakeCase("HTTPStatus")).isEqualTo("http_status");
    assertThat(WireNames.toSnakeCase("already_snake")).isEqualTo("already_snake");
    assertThat(WireNames.toSnakeCase("latency2Ms")).isEqualTo("latency2_ms");
  }

  @Test
  void wireNameComesFromTheCommentTagOrTheColumnName() {
    assertThat(WireNames.wireName(Column.optional("face_value", string(), "wire: faceValue. Wei.")))
        .isEqualTo("faceValue");
    assertThat(WireNames.wireName(Column.optional("address", string(), "An address.")))
        .isEqualTo("address");
    assertThat(
            WireNames.wireName(
                Column.optional("note", string(), "Mentions wire: later, not as a tag.")))
        .isEqualTo("note");
  }
}
