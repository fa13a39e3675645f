package io.naaplake.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * WebJars on the classpath: their versions are read from the jars themselves, so the pom is the
 * only place a version is written.
 */
public final class WebJars {
  private WebJars() {}

  /**
   * The version of a WebJar, e.g. {@code version("org.webjars", "swagger-ui")}.
   *
   * @throws IllegalStateException when the jar is missing or declares no version
   */
  public static String version(String groupId, String artifactId) {
    String properties = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = WebJars.class.getResourceAsStream(properties)) {
      if (in == null) {
        throw new IllegalStateException(
            "the "
                + groupId
                + ":"
                + artifactId
                + " jar is not on the classpath ("
                + properties
                + ")");
      }
      Properties values = new Properties();
      values.load(in);
      String version = values.getProperty("version");
      if (version == null || version.isBlank()) {
        throw new IllegalStateException(properties + " has no version");
      }
      return version.trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + properties, e);
    }
  }
}
