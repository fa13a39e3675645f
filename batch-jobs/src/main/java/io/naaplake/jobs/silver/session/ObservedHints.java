package io.naaplake.jobs.silver.session;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;

/**
 * Canonical pipeline and model from what live events say (reference §2.7). Live events carry two
 * raw hints: {@code pipeline}, which in practice holds a model id ({@code
 * streamdiffusion-sdxl-faceid}) and is read as the model hint, and {@code pipeline_id}, usually
 * empty, sometimes a Daydream pipeline alias ({@code pip_SDXL-turbo}).
 *
 * <p>Rules: a hint naming a known pipeline is that pipeline; a known alias maps to its model; other
 * model text is kept as sent (opaque {@code pipeline_id} values are not models); any {@code
 * streamdiffusion*} model implies live-video-to-video. A pipeline name is never taken as a model,
 * so the reference's "pipeline equal to model is blanked" rule has nothing left to blank.
 */
public final class ObservedHints {

  /** Pipelines a canonical pipeline may be (reference §2.7). */
  static final List<String> PIPELINES =
      List.of(
          "live-video-to-video",
          "text-to-image",
          "image-to-image",
          "image-to-video",
          "text-to-video",
          "audio-to-text",
          "text-to-speech",
          "upscale",
          "llm",
          "image-to-text",
          "segment-anything-2",
          "noop");

  /** Model aliases (lower case) and their canonical model; all are live-video-to-video models. */
  static final Map<String, String> MODEL_ALIASES =
      Map.of(
          "streamdiffusion", "streamdiffusion",
          "streamdiffusion-sdxl", "streamdiffusion-sdxl",
          "streamdiffusion-sdxl-v2v", "streamdiffusion-sdxl-v2v",
          "streamdiffusion-sdxl-faceid", "streamdiffusion-sdxl-faceid",
          "pip_sdxl-turbo", "streamdiffusion-sdxl",
          "pip_sd-turbo", "streamdiffusion-sdxl",
          "pip_sdxl-turbo-v2v", "streamdiffusion-sdxl-v2v",
          "pip_sdxl-turbo-faceid", "streamdiffusion-sdxl-faceid");

  private static final String LIVE_VIDEO = "live-video-to-video";

  private ObservedHints() {}

  /**
   * Canonical model: the model hint's alias, else the model hint as sent unless it names a
   * pipeline, else the pipeline hint's alias; null when none applies.
   */
  public static Column model(Column pipelineHint, Column modelHint) {
    Column modelText = trim(modelHint);
    Column plainModel =
        when(
            modelText.notEqual("").and(not(lower(modelText).isin(PIPELINES.toArray()))), modelText);
    return coalesce(alias(modelHint), plainModel, alias(pipelineHint));
  }

  /**
   * Canonical pipeline: a hint naming a known pipeline (pipeline hint first), else
   * live-video-to-video when the canonical model is a streamdiffusion model; null otherwise.
   */
  public static Column pipeline(Column pipelineHint, Column modelHint) {
    Column inferred =
        when(lower(model(pipelineHint, modelHint)).startsWith("streamdiffusion"), lit(LIVE_VIDEO));
    return coalesce(pipelineName(pipelineHint), pipelineName(modelHint), inferred);
  }

  private static Column pipelineName(Column hint) {
    Column name = lower(trim(hint));
    return when(name.isin(PIPELINES.toArray()), name);
  }

  private static Column alias(Column hint) {
    Column key = lower(trim(hint));
    Column mapped = null;
    // Sorted so the expression (and its plan) is the same in every JVM.
    for (Map.Entry<String, String> alias : new TreeMap<>(MODEL_ALIASES).entrySet()) {
      mapped =
          mapped == null
              ? when(key.equalTo(alias.getKey()), alias.getValue())
              : mapped.when(key.equalTo(alias.getKey()), alias.getValue());
    }
    return mapped;
  }
}
