package io.naaplake.simulator;

import static java.util.Objects.requireNonNull;

import io.naaplake.errors.LakeErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything a simulation run depends on. Two runs with equal configurations produce byte-identical
 * messages and truth (in compressed time). Build one with {@link #builder()}; every field has a
 * default, listed on the builder's setters.
 */
public final class SimulationConfig {
  /** The default start of compressed runs: the day of the real sample, so runs are reproducible. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-08T00:00:00Z");

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");

  private final long seed;
  private final Instant start;
  private final Duration duration;
  private final int orchestrators;
  private final int concurrentStreams;
  private final boolean realtime;
  private final String streamIdPrefix;
  private final String malformedKeyPrefix;
  private final Map<String, String> orgTopics;
  private final Cadences cadences;
  private final FailureRates failureRates;
  private final Map<Integer, FailureRates> orchestratorFailureRates;
  private final TransportFaults transportFaults;
  private final Duration sessionMedianDuration;
  private final double diurnalAmplitude;
  private final int peakHourUtc;
  private final double aiBatchJobsPerMinute;
  private final double llmJobsPerMinute;
  private final double byocJobsPerMinute;

  private SimulationConfig(Builder b) {
    this.seed = b.seed;
    this.start = requireNonNull(b.start, "start is null");
    this.duration = requireNonNull(b.duration, "duration is null");
    this.orchestrators = b.orchestrators;
    this.concurrentStreams = b.concurrentStreams;
    this.realtime = b.realtime;
    this.streamIdPrefix = requireNonNull(b.streamIdPrefix, "streamIdPrefix is null");
    this.malformedKeyPrefix =
        b.malformedKeyPrefix != null ? b.malformedKeyPrefix : streamIdPrefix + "malformed-";
    this.orgTopics = Collections.unmodifiableMap(new LinkedHashMap<>(b.orgTopics));
    this.cadences = requireNonNull(b.cadences, "cadences is null");
    this.failureRates = requireNonNull(b.failureRates, "failureRates is null");
    this.orchestratorFailureRates =
        Collections.unmodifiableMap(new TreeMap<>(b.orchestratorFailureRates));
    this.transportFaults = requireNonNull(b.transportFaults, "transportFaults is null");
    this.sessionMedianDuration = requireNonNull(b.sessionMedianDuration, "duration is null");
    this.diurnalAmplitude = b.diurnalAmplitude;
    this.peakHourUtc = b.peakHourUtc;
    this.aiBatchJobsPerMinute =
        b.aiBatchJobsPerMinute >= 0
            ? b.aiBatchJobsPerMinute
            : Math.max(1, concurrentStreams / 10.0);
    this.llmJobsPerMinute =
        b.llmJobsPerMinute >= 0 ? b.llmJobsPerMinute : Math.max(0.5, concurrentStreams / 20.0);
    this.byocJobsPerMinute =
        b.byocJobsPerMinute >= 0 ? b.byocJobsPerMinute : Math.max(0.5, concurrentStreams / 40.0);
    validate();
  }

  private void validate() {
    if (duration.toMillis() < 1_000 || duration.compareTo(Duration.ofDays(366)) > 0) {
      throw LakeErrors.badInput(
          "hours", "expected a duration from 1 s to 366 days, got " + duration);
    }
    if (orchestrators < 0 || orchestrators > 100_000) {
      throw LakeErrors.badInput(
          "orchestrators", "expected 0 (sized to the streams) up to 100000, got " + orchestrators);
    }
    if (concurrentStreams < 0 || concurrentStreams > 1_000_000) {
      throw LakeErrors.badInput(
          "concurrent-streams", "expected 0 up to 1000000, got " + concurrentStreams);
    }
    if (!PREFIX.matcher(streamIdPrefix).matches()
        || !PREFIX.matcher(malformedKeyPrefix).matches()) {
      throw LakeErrors.badInput(
          "stream-id prefix",
          "expected 1-40 letters, digits, '.', '_' or '-', got '"
              + streamIdPrefix
              + "' / '"
              + malformedKeyPrefix
              + "'");
    }
    if (orgTopics.isEmpty()) {
      throw LakeErrors.badInput("org topics", "at least one org:topic is needed");
    }
    orgTopics.forEach(
        (org, topic) -> {
          if (org.isBlank() || topic.isBlank()) {
            throw LakeErrors.badInput("org topics", "blank org or topic in " + orgTopics);
          }
        });
    if (!(diurnalAmplitude >= 0 && diurnalAmplitude < 1)) {
      throw LakeErrors.badInput("diurnalAmplitude", "expected [0, 1), got " + diurnalAmplitude);
    }
    if (peakHourUtc < 0 || peakHourUtc > 23) {
      throw LakeErrors.badInput("peakHourUtc", "expected 0..23, got " + peakHourUtc);
    }
    if (sessionMedianDuration.toMillis() < 20_000) {
      throw LakeErrors.badInput(
          "sessionMedianDuration", "expected at least 20 s, got " + sessionMedianDuration);
    }
    if (aiBatchJobsPerMinute > 100_000
        || llmJobsPerMinute > 100_000
        || byocJobsPerMinute > 100_000) {
      throw LakeErrors.badInput("jobs per minute", "expected at most 100000");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values, to change a few. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.seed = seed;
    b.start = start;
    b.duration = duration;
    b.orchestrators = orchestrators;
    b.concurrentStreams = concurrentStreams;
    b.realtime = realtime;
    b.streamIdPrefix = streamIdPrefix;
    b.malformedKeyPrefix = malformedKeyPrefix;
    b.orgTopics = new LinkedHashMap<>(orgTopics);
    b.cadences = cadences;
    b.failureRates = failureRates;
    b.orchestratorFailureRates = new TreeMap<>(orchestratorFailureRates);
    b.transportFaults = transportFaults;
    b.sessionMedianDuration = sessionMedianDuration;
    b.diurnalAmplitude = diurnalAmplitude;
    b.peakHourUtc = peakHourUtc;
    b.aiBatchJobsPerMinute = aiBatchJobsPerMinute;
    b.llmJobsPerMinute = llmJobsPerMinute;
    b.byocJobsPerMinute = byocJobsPerMinute;
    return b;
  }

  public long seed() {
    return seed;
  }

  public Instant start() {
    return start;
  }

  public Duration duration() {
    return duration;
  }

  /** Orchestrators to generate; 0 means enough for {@link #concurrentStreams()} at peak. */
  public int orchestrators() {
    return orchestrators;
  }

  public int concurrentStreams() {
    return concurrentStreams;
  }

  public boolean realtime() {
    return realtime;
  }

  public String streamIdPrefix() {
    return streamIdPrefix;
  }

  public String malformedKeyPrefix() {
    return malformedKeyPrefix;
  }

  /** Org to Kafka topic, in order. */
  public Map<String, String> orgTopics() {
    return orgTopics;
  }

  public Cadences cadences() {
    return cadences;
  }

  public FailureRates failureRates() {
    return failureRates;
  }

  /** Rates set for single orchestrators, by index (0-based, the order of orchestrators.jsonl). */
  public Map<Integer, FailureRates> orchestratorFailureRates() {
    return orchestratorFailureRates;
  }

  public TransportFaults transportFaults() {
    return transportFaults;
  }

  public Duration sessionMedianDuration() {
    return sessionMedianDuration;
  }

  public double diurnalAmplitude() {
    return diurnalAmplitude;
  }

  public int peakHourUtc() {
    return peakHourUtc;
  }

  public double aiBatchJobsPerMinute() {
    return aiBatchJobsPerMinute;
  }

  public double llmJobsPerMinute() {
    return llmJobsPerMinute;
  }

  public double byocJobsPerMinute() {
    return byocJobsPerMinute;
  }

  /** Builds a {@link SimulationConfig}; the defaults are given on each setter. */
  public static final class Builder {
    private long seed = 1;
    private Instant start = DEFAULT_START;
    private Duration duration = Duration.ofHours(1);
    private int orchestrators = 0;
    private int concurrentStreams = 20;
    private boolean realtime = false;
    private String streamIdPrefix = "stream-";
    private String malformedKeyPrefix;
    private Map<String, String> orgTopics = defaultOrgTopics();
    private Cadences cadences = Cadences.defaults();
    private FailureRates failureRates = FailureRates.defaults();
    private Map<Integer, FailureRates> orchestratorFailureRates = new TreeMap<>();
    private TransportFaults transportFaults = TransportFaults.defaults();
    private Duration sessionMedianDuration = Duration.ofMinutes(6);
    private double diurnalAmplitude = 0.3;
    private int peakHourUtc = 18;
    private double aiBatchJobsPerMinute = -1;
    private double llmJobsPerMinute = -1;
    private double byocJobsPerMinute = -1;

    private Builder() {}

    private static Map<String, String> defaultOrgTopics() {
      Map<String, String> topics = new LinkedHashMap<>();
      topics.put("daydream", "network_events");
      topics.put("cloudspe", "streaming_events");
      return topics;
    }

    /** Default 1. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Simulated time of the first event; default {@link #DEFAULT_START}. Truncated to ms. */
    public Builder start(Instant start) {
      this.start =
          requireNonNull(start, "start is null").truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      return this;
    }

    /** Simulated duration; default 1 hour. */
    public Builder duration(Duration duration) {
      this.duration = requireNonNull(duration, "duration is null");
      return this;
    }

    /** Simulated hours (fractions allowed); default 1. */
    public Builder hours(double hours) {
      if (!(hours > 0 && hours <= 366 * 24)) {
        throw LakeErrors.badInput("hours", "expected (0, 8784], got " + hours);
      }
      return duration(Duration.ofMillis(Math.round(hours * 3_600_000)));
    }

    /** Number of orchestrators; default 0 = enough live GPUs for the streams at peak, min 8. */
    public Builder orchestrators(int orchestrators) {
      this.orchestrators = orchestrators;
      return this;
    }

    /** Average number of live streams running at once; default 20. */
    public Builder concurrentStreams(int concurrentStreams) {
      this.concurrentStreams = concurrentStreams;
      return this;
    }

    /** Real time (simulated time = wall clock, events emitted when due); default false. */
    public Builder realtime(boolean realtime) {
      this.realtime = realtime;
      return this;
    }

    /**
     * Prefix of every stream id; default {@code stream-} (the real shape {@code
     * stream-o5s73x-mk5zc8fy}). Give each scenario its own so it never collides with other data.
     */
    public Builder streamIdPrefix(String prefix) {
      this.streamIdPrefix = requireNonNull(prefix, "prefix is null");
      return this;
    }

    /** Kafka key prefix of malformed messages; default stream-id prefix + {@code malformed-}. */
    public Builder malformedKeyPrefix(String prefix) {
      this.malformedKeyPrefix = requireNonNull(prefix, "prefix is null");
      return this;
    }

    /**
     * Org to topic; default daydream to network_events, cloudspe to streaming_events. The map's
     * iteration order is part of the run's identity (gateways and streams are dealt to orgs in it),
     * so pass an ordered map: a {@code Map.of} changes its order from one JVM to the next and the
     * same seed then yields a different network.
     */
    public Builder orgTopics(Map<String, String> orgTopics) {
      this.orgTopics = new LinkedHashMap<>(requireNonNull(orgTopics, "orgTopics is null"));
      return this;
    }

    /** Default {@link Cadences#defaults()}. */
    public Builder cadences(Cadences cadences) {
      this.cadences = cadences;
      return this;
    }

    /** Default {@link FailureRates#defaults()}. */
    public Builder failureRates(FailureRates failureRates) {
      this.failureRates = failureRates;
      return this;
    }

    /** Rates of one orchestrator (by index), used as given instead of the scaled default. */
    public Builder orchestratorFailureRates(int orchestratorIndex, FailureRates rates) {
      this.orchestratorFailureRates.put(orchestratorIndex, requireNonNull(rates, "rates is null"));
      return this;
    }

    /** Default {@link TransportFaults#defaults()}. */
    public Builder transportFaults(TransportFaults transportFaults) {
      this.transportFaults = transportFaults;
      return this;
    }

    /** Median live session length (log-normal, sigma 0.9); default 6 minutes. */
    public Builder sessionMedianDuration(Duration median) {
      this.sessionMedianDuration = median;
      return this;
    }

    /** Relative swing of the arrival rate over the day; default 0.3 (peak 1.3 x, trough 0.7 x). */
    public Builder diurnalAmplitude(double amplitude) {
      this.diurnalAmplitude = amplitude;
      return this;
    }

    /** UTC hour of peak demand; default 18. */
    public Builder peakHourUtc(int hour) {
      this.peakHourUtc = hour;
      return this;
    }

    /** AI-batch jobs per minute; default max(1, streams / 10). */
    public Builder aiBatchJobsPerMinute(double rate) {
      this.aiBatchJobsPerMinute = rate;
      return this;
    }

    /** LLM jobs per minute; default max(0.5, streams / 20). */
    public Builder llmJobsPerMinute(double rate) {
      this.llmJobsPerMinute = rate;
      return this;
    }

    /** BYOC jobs per minute; default max(0.5, streams / 40). */
    public Builder byocJobsPerMinute(double rate) {
      this.byocJobsPerMinute = rate;
      return this;
    }

    public SimulationConfig build() {
      return new SimulationConfig(this);
    }
  }
}
