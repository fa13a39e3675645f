package io.naaplake.simulator;

import io.naaplake.tools.GpuHardware;

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
  RTX_5090(GpuHardware.RTX_5090, 1, 1.00, 105),
  RTX_4090(GpuHardware.RTX_4090, 1, 0.86, 130),
  RTX_3090(GpuHardware.RTX_3090, 1, 0.62, 185),
  RTX_4070_TI_SUPER(GpuHardware.RTX_4070_TI_SUPER, 1, 0.55, 210),
  A100_40GB(GpuHardware.A100_40GB, 2, 0.92, 115),
  L40S(GpuHardware.L40S, 2, 0.88, 125),
  H100_80GB(GpuHardware.H100_80GB, 3, 1.25, 85),
  RTX_A6000(GpuHardware.RTX_A6000, 1, 0.70, 165),
  RTX_6000_ADA(GpuHardware.RTX_6000_ADA, 2, 0.93, 120);

  private final GpuHardware hardware;
  private final int liveSlots;
  private final double speed;
  private final int runnerLatencyMs;

  GpuModel(GpuHardware hardware, int liveSlots, double speed, int runnerLatencyMs) {
    this.hardware = hardware;
    this.liveSlots = liveSlots;
    this.speed = speed;
    this.runnerLatencyMs = runnerLatencyMs;
  }

  String nvmlName() {
    return hardware.nvmlName();
  }

  int major() {
    return hardware.major();
  }

  int minor() {
    return hardware.minor();
  }

  long memoryTotal() {
    return hardware.memoryTotal();
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
