package io.naaplake.simulator;

/**
 * GPU models of the simulated network, as NVML reports them in capability reports (name, CUDA
 * compute capability, total memory in bytes), with how they perform on the live pipeline.
 *
 * <p>{@code liveSlots} is how many live-video-to-video streams one GPU serves at once; {@code
 * speed} scales output frames per second (1.0 = an RTX 5090, about 17 fps on
 * streamdiffusion-sdxl-faceid as in the real sample); {@code runnerLatencyMs} is the median time
 * the runner takes from the first ingest segment to the first processed one (the sample: 106 ms).
 */
enum GpuModel {
  RTX_5090("NVIDIA GeForce RTX 5090", 12, 0, 34_190_917_632L, 1, 1.00, 105),
  RTX_4090("NVIDIA GeForce RTX 4090", 8, 9, 25_757_220_864L, 1, 0.86, 130),
  RTX_3090("NVIDIA GeForce RTX 3090", 8, 6, 25_769_803_776L, 1, 0.62, 185),
  RTX_4070_TI_SUPER("NVIDIA GeForce RTX 4070 Ti SUPER", 8, 9, 17_171_480_576L, 1, 0.55, 210),
  A100_40GB("NVIDIA A100-SXM4-40GB", 8, 0, 42_949_672_960L, 2, 0.92, 115),
  L40S("NVIDIA L40S", 8, 9, 48_305_799_168L, 2, 0.88, 125),
  H100_80GB("NVIDIA H100 80GB HBM3", 9, 0, 85_520_809_984L, 3, 1.25, 85),
  RTX_A6000("NVIDIA RTX A6000", 8, 6, 51_527_024_640L, 1, 0.70, 165),
  RTX_6000_ADA("NVIDIA RTX 6000 Ada Generation", 8, 9, 51_527_024_640L, 2, 0.93, 120);

  private final String nvmlName;
  private final int major;
  private final int minor;
  private final long memoryTotal;
  private final int liveSlots;
  private final double speed;
  private final int runnerLatencyMs;

  GpuModel(
      String nvmlName,
      int major,
      int minor,
      long memoryTotal,
      int liveSlots,
      double speed,
      int runnerLatencyMs) {
    this.nvmlName = nvmlName;
    this.major = major;
    this.minor = minor;
    this.memoryTotal = memoryTotal;
    this.liveSlots = liveSlots;
    this.speed = speed;
    this.runnerLatencyMs = runnerLatencyMs;
  }

  String nvmlName() {
    return nvmlName;
  }

  int major() {
    return major;
  }

  /** Go's omitempty drops a zero minor from the report, as the real sample shows for 12.0. */
  int minor() {
    return minor;
  }

  long memoryTotal() {
    return memoryTotal;
  }

  int liveSlots() {
    return liveSlots;
  }

  double speed() {
    return speed;
  }

  int runnerLatencyMs() {
    return runnerLatencyMs;
  }

  /** GPUs seen on live-video-to-video hosts, with their share of hosts. */
  static final GpuModel[] LIVE = {
    RTX_5090, RTX_4090, RTX_3090, A100_40GB, L40S, H100_80GB, RTX_A6000, RTX_6000_ADA
  };

  static final double[] LIVE_WEIGHTS = {30, 33, 8, 5, 8, 6, 5, 5};

  /** GPUs on AI-batch hosts. */
  static final GpuModel[] BATCH = {RTX_4090, RTX_3090, RTX_4070_TI_SUPER, A100_40GB, RTX_6000_ADA};

  static final double[] BATCH_WEIGHTS = {30, 25, 20, 15, 10};
}
