package io.naaplake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void keccak256MatchesEthereumVectors() {
    assertThat(HexFormat.of().formatHex(Keccak256.hash(new byte[0])))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(HexFormat.of().formatHex(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    // Longer than one 136-byte block.
    byte[] long200 = new byte[200];
    assertThat(Keccak256.hash(long200)).hasSize(32);
  }

  @Test
  void checksumAddressesFollowEip55() {
    for (String address :
        new String[] {
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
          "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
          "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
          "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
          // From the real sample: the orchestrator and the gateway.
          "0xd00354656922168815Fcd1e51CBddB9e359e3C7F",
          "0x5aE4E42dB3671370a0c25AfF451E7482aAEc3D0B"
        }) {
      assertThat(Ids.checksum(address.substring(2))).isEqualTo(address);
    }
  }

  @Test
  void generatedIdsHaveTheRealShapes() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 1_000; i++) {
      assertThat(Ids.uuid4(random))
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(Ids.gpuUuid(random))
          .matches("GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      String address = Ids.checksumAddress(random);
      assertThat(address).matches("0x[0-9a-fA-F]{40}");
      assertThat(Ids.checksum(address.substring(2))).isEqualTo(address);
    }
  }

  @Test
  void requestIdsNeverRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      String id = Ids.hex8(Ids.permute32(i, 0x1234_5678_9ABCL));
      assertThat(id).hasSize(8);
      assertThat(seen.add(id)).isTrue();
    }
  }

  @Test
  void paramsHashIsTheRunnersMd5() {
    // The sample's status: last_params {"height": 512, "width": 512}.
    assertThat(StreamParams.initial(512).hash()).isEqualTo("f2f41bce75e30de92f8c308a6722859b");
  }
}
