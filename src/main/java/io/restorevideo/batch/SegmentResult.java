package io.restorevideo.batch;

import java.io.Serializable;
import java.util.List;

/**
 * What restoring one segment gave: frames written, faces restored, the seconds it took where it ran, and the
 * warnings it raised that the engine could not pass on as they came (an engine that can passes none here).
 */
public record SegmentResult(long frames, long faces, double seconds, List<String> warnings) implements Serializable {
  public SegmentResult {
    warnings = List.copyOf(warnings);
  }
}
