package io.restorevideo.media;

import java.util.List;

/** What a probe found in an input: container, duration (seconds, 0 when unknown) and its streams. */
public record MediaInfo(String source, String format, double durationSeconds, List<StreamInfo> streams) {
  public MediaInfo {
    streams = List.copyOf(streams);
  }
}
