package io.naaplake.schema;

import io.naaplake.schema.events.EventContracts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the data dictionary of the current declarations: {@code DataDictionaryMain <out-file>}.
 */
public final class DataDictionaryMain {

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: DataDictionaryMain <out-file>");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, current(), StandardCharsets.UTF_8);
    System.out.println("wrote " + out);
  }

  /** The dictionary of {@link LakeCatalog} and {@link EventContracts}. */
  public static String current() {
    return DataDictionary.markdown(LakeCatalog.tables(), EventContracts.payloads());
  }

  private DataDictionaryMain() {}
}
