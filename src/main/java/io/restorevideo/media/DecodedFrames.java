package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A clip's video frames pulled one at a time as 8-bit BGR, with their times, while every other stream's
 * packets are counted and hashed as they pass: for comparing two clips frame by frame and checking that one
 * carries the other's audio untouched. The stream's colour matrix and range are honoured as in the pipeline.
 */
public final class DecodedFrames implements AutoCloseable {
  /** The packets of one non-video stream: how many, and an MD5 of their payloads (timestamps may
   * legitimately move by a container's start offset, so they are not part of it). */
  public record PacketDigest(int stream, String type, long packets, String md5) {}

  private final MediaInput in;
  private final AVFrame decoded = av_frame_alloc();
  private final AVFrame view = av_frame_alloc();
  private final FrameConverter converter = new FrameConverter();
  private final Map<Integer, MessageDigest> digests = new TreeMap<>();
  private final Map<Integer, Long> counts = new TreeMap<>();
  private final Map<Integer, String> types = new TreeMap<>();
  private final int colorSpace;
  private final int colorRange;
  private Mat bgr;
  private double seconds;
  private long frames;

  private DecodedFrames(MediaInput in) {
    this.in = in;
    this.colorSpace = in.videoStream().codecpar().color_space();
    this.colorRange = in.videoStream().codecpar().color_range();
  }

  /** Opens a clip; a bad file is a one-line {@link MediaException} naming it. */
  public static DecodedFrames open(String clip) {
    return new DecodedFrames(MediaInput.open(clip));
  }

  public String name() {
    return in.name();
  }

  /**
   * The next frame (a Mat reused by the following call: copy what must outlive it), or null at the end, when
   * every packet of the file has been read and hashed.
   */
  public Mat next() {
    if (!in.nextFrame(decoded, this::digest)) {
      return null;
    }
    if (bgr == null || bgr.cols() != decoded.width() || bgr.rows() != decoded.height()) {
      if (bgr != null) {
        bgr.close();
      }
      bgr = new Mat(decoded.height(), decoded.width(), CV_8UC3);
    }
    view.width(bgr.cols());
    view.height(bgr.rows());
    view.format(AV_PIX_FMT_BGR24);
    view.data(0, bgr.data());
    view.linesize(0, (int) bgr.step());
    converter.convert(decoded, view, colorSpace, colorRange);
    seconds = in.seconds(decoded.pts());
    frames++;
    return bgr;
  }

  /** Time of the last frame returned by {@link #next}, in seconds from the stream's start. */
  public double seconds() {
    return seconds;
  }

  /** Frames returned so far. */
  public long frames() {
    return frames;
  }

  /** The packets of the other streams read so far (all of them once {@link #next} has returned null). */
  public List<PacketDigest> packets() {
    List<PacketDigest> out = new ArrayList<>();
    for (Map.Entry<Integer, MessageDigest> e : digests.entrySet()) {
      MessageDigest copy;
      try {
        copy = (MessageDigest) e.getValue().clone();
      } catch (CloneNotSupportedException ex) {
        throw new IllegalStateException(ex);
      }
      StringBuilder hex = new StringBuilder();
      for (byte b : copy.digest()) {
        hex.append(String.format("%02x", b));
      }
      out.add(new PacketDigest(e.getKey(), types.get(e.getKey()), counts.get(e.getKey()), hex.toString()));
    }
    return out;
  }

  private void digest(AVPacket packet, AVStream stream) {
    int index = stream.index();
    MessageDigest md = digests.computeIfAbsent(index, i -> md5());
    types.putIfAbsent(index, av_get_media_type_string(stream.codecpar().codec_type()) == null ? "data"
        : av_get_media_type_string(stream.codecpar().codec_type()).getString());
    counts.merge(index, 1L, Long::sum);
    int size = packet.size();
    if (size > 0) {
      byte[] data = new byte[size];
      new BytePointer(packet.data()).capacity(size).get(data);
      md.update(data);
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    av_frame_free(decoded);
    av_frame_free(view);
    converter.close();
    if (bgr != null) {
      bgr.close();
    }
    in.close();
  }
}
