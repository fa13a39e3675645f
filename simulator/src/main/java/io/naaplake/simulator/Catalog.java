package io.naaplake.simulator;

import java.util.List;
import java.util.SplittableRandom;

/** Fixed vocabularies: models, versions, host names, messages; all drawn with the seeded random. */
final class Catalog {

  static final String LIVE_PIPELINE = "live-video-to-video";
  static final int LIVE_CAPABILITY = 35;
  static final int LLM_CAPABILITY = 33;
  static final int BYOC_CAPABILITY = 37;

  /** Live models with their share of hosts and demand, and output speed relative to sdxl-faceid. */
  record LiveModel(String id, double weight, double speed) {}

  static final List<LiveModel> LIVE_MODELS =
      List.of(
          new LiveModel("streamdiffusion-sdxl-faceid", 45, 1.0),
          new LiveModel("streamdiffusion-sdxl", 35, 1.15),
          new LiveModel("streamdiffusion", 20, 1.6));

  /** A builtin request/response pipeline: capability id, pipeline name, model, price, duration. */
  record BatchModel(
      int capability, String pipeline, String model, long pricePerUnit, int medianDurationMs) {}

  static final List<BatchModel> BATCH_MODELS =
      List.of(
          new BatchModel(27, "text-to-image", "SG161222/RealVisXL_V4.0_Lightning", 4_768_371, 1800),
          new BatchModel(27, "text-to-image", "black-forest-labs/FLUX.1-dev", 19_073_484, 9000),
          new BatchModel(27, "text-to-image", "ByteDance/SDXL-Lightning", 603_032, 1500),
          new BatchModel(28, "image-to-image", "timbrooks/instruct-pix2pix", 603_032, 2500),
          new BatchModel(
              29,
              "image-to-video",
              "stabilityai/stable-video-diffusion-img2vid-xt-1-1",
              3_390_842,
              30000),
          new BatchModel(
              30, "upscale", "stabilityai/stable-diffusion-x4-upscaler", 6_051_539, 6000),
          new BatchModel(31, "audio-to-text", "openai/whisper-large-v3-turbo", 1_580_812, 3000),
          new BatchModel(
              34, "image-to-text", "Salesforce/blip-image-captioning-large", 79_040, 700),
          new BatchModel(36, "text-to-speech", "parler-tts/parler-tts-large-v1", 4_768_371, 4000),
          new BatchModel(32, "segment-anything-2", "facebook/sam2-hiera-large", 112_711, 1200));

  static final List<String> LLM_MODELS =
      List.of(
          "meta-llama/Meta-Llama-3.1-8B-Instruct",
          "meta-llama/Llama-4-Scout-17B-16E-Instruct",
          "Qwen/Qwen2.5-7B-Instruct");

  /** BYOC capability names (capability 37) and the model each worker offers. */
  record ByocCapability(String name, String model) {}

  static final List<ByocCapability> BYOC_CAPABILITIES =
      List.of(
          new ByocCapability("openai-chat-completions", "gpt-oss-20b"),
          new ByocCapability("video-analysis", "yolo11x"),
          new ByocCapability("comfystream", "comfyui-sdxl-turbo"));

  static final List<String> NODE_VERSIONS =
      List.of(
          "0.8.8",
          "0.8.8",
          "0.8.8",
          "0.8.7",
          "0.8.7",
          "0.8.6",
          "0.8.8-3a5678ec-dirty",
          "0.8.8-83ea085f",
          "0.8.7-d095d965",
          "0.8.8-7dff8477",
          "0.8.9",
          "0.8.10");

  static final List<String> RUNNER_VERSIONS =
      List.of("0.14.0", "0.13.11-a201f99d", "0.13.11-a096fa12", "0.14.1", "0.13.10-d7e43f9b");

  private static final List<String> DOMAIN_WORDS =
      List.of(
          "xodeapp",
          "speedybird",
          "ultimaratio",
          "eliteencoder",
          "mangolpt",
          "nightnode",
          "compute-node",
          "stronk",
          "dexpeer",
          "livebit",
          "pon-eth",
          "adexlabs",
          "gpuforge",
          "videominer",
          "frameworks",
          "cloudspe",
          "titan-node",
          "neuralpeer",
          "inferno",
          "hashcast",
          "streamlabs",
          "orchard",
          "vectorpeer",
          "deepframe");

  private static final List<String> TLDS = List.of("xyz", "com", "net", "io", "work", "rocks");

  private static final List<String> HOST_PREFIXES =
      List.of("ai", "rtav-orch", "livepeer-ai", "orch", "lv2v", "ai-gpu");

  /** An https URL like the real ones: a named host or a bare IP, with a port. */
  static String orchestratorUri(SplittableRandom random, boolean ipHost, int ordinal) {
    int port = pick(random, List.of(8935, 8936, 18935, 28935, 9955, 20080, 8443, 58935));
    if (ipHost) {
      return "https://"
          + (23 + random.nextInt(200))
          + "."
          + random.nextInt(256)
          + "."
          + random.nextInt(256)
          + "."
          + (1 + random.nextInt(254))
          + ":"
          + port;
    }
    String prefix = pick(random, HOST_PREFIXES);
    if (prefix.equals("rtav-orch") || prefix.equals("orch")) {
      prefix = prefix + (1 + random.nextInt(9));
    }
    return "https://"
        + prefix
        + "."
        + pick(random, DOMAIN_WORDS)
        + (ordinal > 0 ? Integer.toString(ordinal) : "")
        + "."
        + pick(random, TLDS)
        + ":"
        + port;
  }

  /** Prompts for params updates. */
  static final List<String> PROMPTS =
      List.of(
          "a watercolor portrait, soft light, pastel colors",
          "cyberpunk city at night, neon reflections, rain",
          "studio ghibli style, lush forest, morning mist",
          "oil painting of a lighthouse in a storm, dramatic sky",
          "claymation character, bright colors, shallow depth of field",
          "anime superhero, dynamic pose, vibrant colors",
          "van gogh starry night style, swirling sky");

  /** Error messages the reference excuses (case-insensitive substrings of its list). */
  static final List<String> EXCUSABLE_ERRORS =
      List.of(
          "whip disconnected",
          "User disconnected",
          "ICE connection state failed",
          "mediamtx ingest disconnected: EOF",
          "missing video frames for 30s");

  /** The substrings the reference treats as excusable (§2.7). */
  static final List<String> EXCUSABLE_SUBSTRINGS =
      List.of(
          "no orchestrators available",
          "mediamtx ingest disconnected",
          "whip disconnected",
          "missing video",
          "ice connection state failed",
          "user disconnected");

  /** Error messages that excuse nothing. */
  static final List<String> UNEXCUSED_ERRORS =
      List.of(
          "CUDA out of memory. Tried to allocate 2.00 GiB",
          "inference failed: context deadline exceeded",
          "pipeline process exited unexpectedly: signal: killed",
          "failed to load model weights: checksum mismatch",
          "trickle publish error: unexpected EOF");

  /** Swap reasons as orchestrator_swap carries them in {@code message}. */
  static final List<String> SWAP_REASONS =
      List.of(
          "trickle subscribe error, swapping: EOF",
          "trickle subscribe error, swapping: context deadline exceeded",
          "no output segments received for 10s, swapping",
          "orchestrator returned 503: insufficient capacity, swapping");

  static final String NO_ORCHESTRATORS_MESSAGE = "no orchestrators available";

  static boolean excusable(String message) {
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    for (String substring : EXCUSABLE_SUBSTRINGS) {
      if (lower.contains(substring)) {
        return true;
      }
    }
    return false;
  }

  static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  static int weighted(SplittableRandom random, double[] weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double roll = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private Catalog() {}
}
