package io.naaplake.jobs.report;

/**
 * How a report cell is shown in HTML and Markdown. CSV always carries the exact value (see {@link
 * Cell#csv()}); only the display differs.
 */
public enum Format {
  /** Text as is (escaped by the renderer). */
  TEXT,
  /** A whole count, with thousands separators. */
  COUNT,
  /** An exact wei amount: integer digits with thousands separators, no rounding, no exponent. */
  WEI,
  /** An exact decimal (prices per pixel): plain digits, trailing zeros dropped, no rounding. */
  EXACT,
  /** A score on 0..100, one decimal. */
  SCORE,
  /** A ratio 0..1 shown as a percentage with one decimal. */
  PERCENT,
  /** A measurement (minutes, milliseconds, FPS), two decimals. */
  NUMBER,
  /** An instant, ISO-8601 UTC. */
  INSTANT
}
