package io.naaplake.jobs.silver.capability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Capability ids of AI work to canonical pipeline names. 27-36 are the gateway's {@code
 * capabilities_names} (e.g. "Live video to video" is live-video-to-video); 37, BYOC, is not in that
 * map but is what capability 37 prices and capability_options announce. 0-26 are transcoding and
 * name no pipeline.
 */
public final class CapabilityCatalog {
  public static final int BYOC = 37;

  public static final Map<Integer, String> PIPELINES = pipelines();

  private static Map<Integer, String> pipelines() {
    Map<Integer, String> pipelines = new LinkedHashMap<>();
    pipelines.put(27, "text-to-image");
    pipelines.put(28, "image-to-image");
    pipelines.put(29, "image-to-video");
    pipelines.put(30, "upscale");
    pipelines.put(31, "audio-to-text");
    pipelines.put(32, "segment-anything-2");
    pipelines.put(33, "llm");
    pipelines.put(34, "image-to-text");
    pipelines.put(35, "live-video-to-video");
    pipelines.put(36, "text-to-speech");
    pipelines.put(BYOC, "byoc");
    return Map.copyOf(pipelines);
  }

  /** SQL {@code map(27, 'text-to-image', ...)}: capability id to pipeline. */
  static String pipelineByIdSql() {
    return PIPELINES.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + ", '" + e.getValue() + "'")
        .collect(Collectors.joining(", ", "map(", ")"));
  }

  /** SQL {@code map('text-to-image', 27, ...)}: pipeline to capability id. */
  static String idByPipelineSql() {
    return PIPELINES.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> "'" + e.getValue() + "', " + e.getKey())
        .collect(Collectors.joining(", ", "map(", ")"));
  }

  private CapabilityCatalog() {}
}
