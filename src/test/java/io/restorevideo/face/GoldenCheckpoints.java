package io.restorevideo.face;

import io.restorevideo.weights.CheckpointReader;
import io.restorevideo.weights.StateDict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Test fixtures: golden checkpoints copied from the classpath to a temporary file and read. */
final class GoldenCheckpoints {
  private GoldenCheckpoints() {}

  static Path file(String resource, Path dir) {
    try (InputStream in = GoldenCheckpoints.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      Path f = dir.resolve(Path.of(resource).getFileName().toString());
      Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StateDict read(String resource, Path dir) {
    return CheckpointReader.read(file(resource, dir));
  }
}
