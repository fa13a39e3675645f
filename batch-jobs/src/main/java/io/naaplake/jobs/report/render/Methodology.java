package io.naaplake.jobs.report.render;

import io.naaplake.jobs.report.Report;

/** The methodology statement every rendering of a report carries in its footer. */
final class Methodology {
  private Methodology() {}

  static String text(Report.Methodology methodology) {
    return "SLA semantics "
        + String.join(", ", methodology.slaSemanticsVersions())
        + "; SLA threshold "
        + methodology.slaThreshold()
        + "; report methodology "
        + methodology.methodologyVersion()
        + "; generator "
        + methodology.generatorVersion()
        + ". Every table was read at the Delta version listed, pinned when the report started:"
        + " reading the same versions reproduces the report. Numbers not yet settled may still"
        + " change with late data (see settled hours in the summary).";
  }
}
