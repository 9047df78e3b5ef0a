package io.restorevideo.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the output carries the input's streams: as many frames, the same timestamps (within
 * {@link #TIME_TOLERANCE} seconds: containers round times to their own time bases), and each non-video
 * stream's packets identical in number and payload.
 *
 * @param firstTimeMismatch the first frame whose timestamp differs, or -1
 */
public record StreamCheck(long inputFrames, long outputFrames, long firstTimeMismatch, List<Packets> packets,
    boolean ok) {
  public static final double TIME_TOLERANCE = 0.002;

  /** One non-video stream of the input, by its order among the input's non-video streams. */
  public record Packets(int stream, String type, long inputPackets, long outputPackets, boolean identical) {}

  /** What differs from the input, in one line; null when nothing does. */
  public String problem() {
    if (ok) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (inputFrames != outputFrames) {
      parts.add(outputFrames + " frames (input " + inputFrames + ")");
    }
    if (firstTimeMismatch >= 0) {
      parts.add("timestamps differ from frame " + firstTimeMismatch);
    }
    for (Packets p : packets) {
      if (!p.identical()) {
        parts.add(p.inputPackets() == p.outputPackets()
            ? p.type() + " stream " + p.stream() + ": packets differ in content"
            : p.outputPackets() + " " + p.type() + " packets (input " + p.inputPackets() + ")");
      }
    }
    return "streams differ from the input's: " + String.join(", ", parts);
  }
}
