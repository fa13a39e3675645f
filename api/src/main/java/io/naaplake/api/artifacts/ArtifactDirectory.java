package io.naaplake.api.artifacts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.naaplake.schema.ArtifactDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of published artifacts the batch jobs write: one sub-directory per artifact, named by
 * its id, complete once its metadata file exists (written last, by atomic rename). The API only
 * reads: it lists complete artifacts and serves the files their metadata names, nothing else.
 *
 * <p>Every id and file name is checked against the declared patterns before it touches the file
 * system, and a file is served only when the metadata lists it, so no request can name a path.
 */
public final class ArtifactDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(ArtifactDirectory.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FILE_NAME = Pattern.compile(ArtifactDocuments.FILE_NAME_PATTERN);

  /** The two kinds of artifact: how their directories and metadata are named. */
  public enum Kind {
    REPORTS(ArtifactDocuments.REPORT_METADATA_FILE, ArtifactDocuments.REPORT_ID_PATTERN, "id"),
    EXPORTS(
        ArtifactDocuments.EXPORT_METADATA_FILE, ArtifactDocuments.EXPORT_ID_PATTERN, "export_id");

    private final String metadataFile;
    private final Pattern id;
    private final String idField;

    Kind(String metadataFile, String idPattern, String idField) {
      this.metadataFile = metadataFile;
      this.id = Pattern.compile(idPattern);
      this.idField = idField;
    }

    public boolean validId(String candidate) {
      return id.matcher(candidate).matches();
    }
  }

  /** One file an artifact's metadata lists, resolved inside the artifact's directory. */
  public record ArtifactFile(Path path, String name, long bytes, String sha256) {}

  private final Path root;
  private final Kind kind;

  public ArtifactDirectory(Path root, Kind kind) {
    this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    this.kind = requireNonNull(kind, "kind is null");
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The metadata of every complete artifact. An artifact whose metadata cannot be read or does not
   * name its own directory is left out and logged: it is the writer's bug, and serving half of it
   * would be worse.
   */
  public List<JsonNode> list() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<JsonNode> found = new ArrayList<>();
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.sorted().toList()) {
        String id = child.getFileName().toString();
        if (kind.validId(id) && Files.isRegularFile(child.resolve(kind.metadataFile))) {
          read(id).ifPresent(found::add);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + root, e);
    }
    return found;
  }

  /** The metadata of the complete artifact {@code id}; empty when unknown or incomplete. */
  public Optional<JsonNode> metadata(String id) {
    if (!kind.validId(id)) {
      return Optional.empty();
    }
    return read(id);
  }

  /** The file {@code name} of artifact {@code id}, when the artifact's metadata lists it. */
  public Optional<ArtifactFile> file(String id, String name) {
    if (!FILE_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return metadata(id).flatMap(metadata -> listedFile(id, metadata, name));
  }

  private Optional<ArtifactFile> listedFile(String id, JsonNode metadata, String name) {
    for (JsonNode file : metadata.path("files")) {
      if (name.equals(file.path("name").asText())) {
        Path path = root.resolve(id).resolve(name).normalize();
        if (!path.startsWith(root.resolve(id)) || !Files.isRegularFile(path)) {
          LOG.warn("{} {} lists {} but the file is missing", kind, id, name);
          return Optional.empty();
        }
        return Optional.of(
            new ArtifactFile(
                path, name, file.path("bytes").asLong(), file.path("sha256").asText()));
      }
    }
    return Optional.empty();
  }

  private Optional<JsonNode> read(String id) {
    Path file = root.resolve(id).resolve(kind.metadataFile);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode metadata = JSON.readTree(file.toFile());
      if (!id.equals(metadata.path(kind.idField).asText())) {
        LOG.warn("{} {}: {} names another id; not served", kind, id, kind.metadataFile);
        return Optional.empty();
      }
      return Optional.of(metadata);
    } catch (IOException e) {
      LOG.warn("{} {}: unreadable {}; not served: {}", kind, id, kind.metadataFile, e.toString());
      return Optional.empty();
    }
  }
}
