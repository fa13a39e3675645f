package io.naaplake.jobs.schedule;

import static java.util.Objects.requireNonNull;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the scheduler's chains run: in the scheduler's own SparkSession (the embedded default), or
 * submitted to a Spark cluster with spark-submit, one driver per chain.
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><td>naap.cluster.master</td><td>empty: chains run in the scheduler's SparkSession; {@code
 *   spark://HOST:PORT}: each chain is submitted there (the launcher sets it from
 *   NAAP_CLUSTER_MASTER or the NAAP_CONFIG file)</td></tr>
 *   <tr><td>naap.cluster.submit-script</td><td>empty; required with a master: the script that
 *   submits the job jar ({@code infra/spark-cluster.sh}, called as {@code SCRIPT submit
 *   -Dnaap.k=v ... -- chain NAME ...}; the launcher sets it)</td></tr>
 * </table>
 */
public record ChainSubmission(Optional<String> master, Optional<Path> submitScript) {

  public ChainSubmission {
    requireNonNull(master, "master is null");
    requireNonNull(submitScript, "submitScript is null");
    if (master.isPresent() && submitScript.isEmpty()) {
      throw LakeErrors.badConfiguration(
          "naap.cluster.submit-script",
          "",
          "the path of infra/spark-cluster.sh when naap.cluster.master is set ("
              + master.get()
              + ")");
    }
    submitScript.ifPresent(
        script -> {
          if (!Files.isRegularFile(script)) {
            throw LakeErrors.badConfiguration(
                "naap.cluster.submit-script", script.toString(), "an existing script");
          }
        });
  }

  public static ChainSubmission from(Settings settings) {
    return new ChainSubmission(
        settings.optionalString("naap.cluster.master").filter(s -> !s.isBlank()),
        settings
            .optionalString("naap.cluster.submit-script")
            .filter(s -> !s.isBlank())
            .map(Path::of));
  }

  /** True when chains are submitted to a cluster. */
  public boolean submitted() {
    return master.isPresent();
  }
}
