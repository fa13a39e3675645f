package io.naaplake.simulator;

/** The ground-truth files of a run; their record fields are described in the module README. */
public enum TruthFile {
  /** One record per delivered Kafka message, in delivery order (duplicates once per delivery). */
  MESSAGES("messages.jsonl"),
  /** One record per live session, written when it ends (or at the end of the run). */
  SESSIONS("sessions.jsonl"),
  /** SLA primitives per (hour, org, orchestrator, pipeline, model, GPU), written at the end. */
  SLA_HOURS("sla_hours.jsonl"),
  /** Payment totals per (hour, org, recipient) in exact wei, written at the end. */
  PAYMENTS_HOURLY("payments_hourly.jsonl"),
  /** One record per physical GPU with every UUID it was reported under, written at the end. */
  GPUS("gpus.jsonl"),
  /** One record per orchestrator host (the network model), written at the start. */
  ORCHESTRATORS("orchestrators.jsonl"),
  /** One record per AI-batch, LLM or BYOC job, written when it completes (or at the end). */
  JOBS("jobs.jsonl"),
  /** One record: the configuration and the summary counts of the run, written at the end. */
  RUN("run.json");

  private final String fileName;

  TruthFile(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }
}
