package io.naaplake.notebooks;

import io.naaplake.config.Settings;
import io.naaplake.errors.LakeErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./naap notebooks run [NOTEBOOK...]}: executes every {@code %%sql} cell of the given
 * notebooks (default: every {@code *.ipynb} in {@code naap.notebooks.dir}) on the lake's Trino and
 * writes the outputs into the notebooks. Exit status 0 when every cell succeeded, 1 when a cell
 * failed (each is named on stderr and its error is in the notebook), 2 on a usage error or when
 * Trino does not answer (the notebooks are then left untouched).
 */
public final class NotebooksMain {

  public static void main(String[] args) {
    if (args.length == 0 || !args[0].equals("run")) {
      System.err.println("usage: ./naap notebooks run [NOTEBOOK.ipynb...]");
      System.exit(2);
    }
    NotebooksConfig config = NotebooksConfig.from(Settings.fromEnvironment());
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }
    System.exit(run(config, files.isEmpty() ? notebooksIn(config.notebooksDir()) : files));
  }

  static int run(NotebooksConfig config, List<Path> files) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    List<NotebookRunner.CellRun> failures = new ArrayList<>();
    try (TrinoSession session = TrinoSession.open(config)) {
      // A Trino that does not answer would turn every output into the same connection error.
      session.query("SELECT 1", 1);
      NotebookRunner runner = new NotebookRunner(session, config.maxRows());
      for (Path file : files) {
        NotebookRunner.NotebookRun run = runner.run(file);
        out.println(
            file + ": " + run.cells().size() + " SQL cells, " + run.failures().size() + " failed");
        failures.addAll(run.failures());
      }
    } catch (SQLException e) {
      err.println(
          "naap notebooks: Trino at "
              + config.trinoUrl()
              + " does not answer ("
              + e.getMessage()
              + "); start it with ./naap up. No notebook was changed.");
      return 2;
    }
    for (NotebookRunner.CellRun failure : failures) {
      err.println("FAILED " + failure.label() + ": " + failure.error().orElseThrow());
    }
    return failures.isEmpty() ? 0 : 1;
  }

  /** The notebooks of a directory, by file name. */
  public static List<Path> notebooksIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".ipynb"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw LakeErrors.ioFailure("listing notebooks in " + directory, e);
    }
  }

  private NotebooksMain() {}
}
