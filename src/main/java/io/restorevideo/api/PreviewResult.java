package io.restorevideo.api;

import java.util.List;

/**
 * What a preview wrote: the sheet and its size, and per sampled frame its time and the faces found (boxes
 * in the input's pixels, as {@link ImageResult.Face}).
 */
public record PreviewResult(String input, String sheet, int width, int height, List<Frame> frames) {
  public PreviewResult {
    frames = List.copyOf(frames);
  }

  /** One sampled frame: seconds from the video's start and the faces restored on it. */
  public record Frame(double seconds, List<ImageResult.Face> faces) {
    public Frame {
      faces = List.copyOf(faces);
    }
  }
}
