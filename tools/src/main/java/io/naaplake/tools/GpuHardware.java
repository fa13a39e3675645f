package io.naaplake.tools;

/**
 * GPU models seen in the network's capability reports, as NVML reports them: name, CUDA compute
 * capability and total memory in bytes (the unit real reports use). The one catalog of GPU facts
 * the synthetic generators share.
 */
public enum GpuHardware {
  RTX_5090("NVIDIA GeForce RTX 5090", 12, 0, 34_190_917_632L),
  RTX_4090("NVIDIA GeForce RTX 4090", 8, 9, 25_757_220_864L),
  RTX_3090("NVIDIA GeForce RTX 3090", 8, 6, 25_769_803_776L),
  RTX_4070_TI_SUPER("NVIDIA GeForce RTX 4070 Ti SUPER", 8, 9, 17_171_480_576L),
  A100_40GB("NVIDIA A100-SXM4-40GB", 8, 0, 42_949_672_960L),
  L40S("NVIDIA L40S", 8, 9, 48_305_799_168L),
  H100_80GB("NVIDIA H100 80GB HBM3", 9, 0, 85_520_809_984L),
  RTX_A6000("NVIDIA RTX A6000", 8, 6, 51_527_024_640L),
  RTX_6000_ADA("NVIDIA RTX 6000 Ada Generation", 8, 9, 51_527_024_640L);

  private final String nvmlName;
  private final int major;
  private final int minor;
  private final long memoryTotal;

  GpuHardware(String nvmlName, int major, int minor, long memoryTotal) {
    this.nvmlName = nvmlName;
    this.major = major;
    this.minor = minor;
    this.memoryTotal = memoryTotal;
  }

  public String nvmlName() {
    return nvmlName;
  }

  public int major() {
    return major;
  }

  /** Go's omitempty drops a zero minor from the report, as the real sample shows for 12.0. */
  public int minor() {
    return minor;
  }

  public long memoryTotal() {
    return memoryTotal;
  }
}
