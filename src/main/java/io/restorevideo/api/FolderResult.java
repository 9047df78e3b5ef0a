package io.restorevideo.api;

import java.nio.file.Path;
import java.util.List;

/** What restoring a folder of images did: the images restored and those refused, each in name order. */
public record FolderResult(List<ImageResult> results, List<Failure> failures) {
  public FolderResult {
    results = List.copyOf(results);
    failures = List.copyOf(failures);
  }

  /** An image that was skipped, with the one-line reason (which names the file). */
  public record Failure(Path input, String message) {}

  public int images() {
    return results.size() + failures.size();
  }
}
