package io.naaplake.tools;

/**
 * GPU models seen in the network's capability reports, with NVML's compute capability and total
 * memory in bytes (the unit real reports use).
 */
enum SyntheticGpuModel {
  RTX_5090("NVIDIA GeForce RTX 5090", 12, 0, 34_190_917_632L),
  RTX_4090("NVIDIA GeForce RTX 4090", 8, 9, 25_757_220_864L),
  RTX_3090("NVIDIA GeForce RTX 3090", 8, 6, 25_769_803_776L),
  L40S("NVIDIA L40S", 8, 9, 48_305_799_168L),
  A6000("NVIDIA RTX A6000", 8, 6, 51_527_024_640L);

  private final String nvmlName;
  private final int major;
  private final int minor;
  private final long memoryTotal;

  SyntheticGpuModel(String nvmlName, int major, int minor, long memoryTotal) {
    this.nvmlName = nvmlName;
    this.major = major;
    this.minor = minor;
    this.memoryTotal = memoryTotal;
  }

  String nvmlName() {
    return nvmlName;
  }

  int major() {
    return major;
  }

  int minor() {
    return minor;
  }

  long memoryTotal() {
    return memoryTotal;
  }
}
