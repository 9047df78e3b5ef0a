package io.restorevideo.pipeline;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.restorevideo.media.FrameConverter;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One pre-allocated ring entry: a decoded frame in flight, its lazily made 8-bit BGR pixels, and data that
 * stages attach to it. Buffers are reused from frame to frame; nothing here grows with the video length.
 *
 * <p>Pixels: {@link #bgr()} converts the decoded frame once to a CV_8UC3 Mat that stages read and modify in
 * place; once a stage has asked for it, the encoder encodes these pixels. A frame no stage looked at is
 * encoded from the decoded frame directly, so a plain transcode keeps the source's bit depth.
 *
 * <p>Changed pixels: {@link #bgr()} and {@link #output} count as changing the whole frame. A stage that only
 * reads takes {@link #bgrToRead()}; one that changes known rectangles of it declares each with
 * {@link #changed}. Only those rectangles are then converted back to the encoder's format (the rest of the
 * frame is the decoder's own pixels) where the formats allow, see {@link EncoderFormat}.
 */
public final class FrameSlot {
  final AVFrame decoded = av_frame_alloc();
  private final AVFrame bgrView = av_frame_alloc();
  private final FrameConverter converter;
  private final Map<String, Object> attachments = new HashMap<>();
  private final ChangedRegions changes = new ChangedRegions();
  private Mat bgr;
  private boolean bgrMade;
  /** A stage's replacement picture (another size, e.g. upscaled); owned, freed when the slot is reused. */
  private Mat output;
  /** Filled by {@link #load} (a caller's picture) rather than by the decoder. */
  private boolean loaded;
  /**
   * The convert stage's result where the decoded frame cannot hold it (another size or format): its buffer
   * lives from the conversion to the encoding only, so the ring holds as many as are between the two.
   */
  private final AVFrame converted = av_frame_alloc();
  /** What to encode once the convert stage ran ({@link #decoded} or {@link #converted}); null before. */
  AVFrame encodable;
  long index;
  long pts;
  double seconds;
  boolean endOfStream;
  /** Decoded and staged only to warm the tracker before a segment's first frame; never encoded. */
  boolean warmup;
  int colorSpace;
  int colorRange;

  /** @param preciseColour swscale's accurate rounding for {@link #bgr()} (see {@link FrameStage#approximateColour}) */
  FrameSlot(boolean preciseColour) {
    converter = new FrameConverter(preciseColour);
  }

  void reset() {
    attachments.clear();
    changes.clear();
    bgrMade = false;
    loaded = false;
    encodable = null;
    if (output != null) {
      output.close();
      output = null;
    }
    endOfStream = false;
    warmup = false;
  }

  /** Fills this slot with a caller's picture instead of a decoded frame (for {@link StreamPipeline}). */
  void load(Mat picture, long index, double seconds) {
    if (bgr == null || bgr.cols() != picture.cols() || bgr.rows() != picture.rows()) {
      if (bgr != null) {
        bgr.close();
      }
      bgr = new Mat(picture.rows(), picture.cols(), CV_8UC3);
    }
    picture.copyTo(bgr);
    bgrMade = true;
    // no decoded frame stands behind these pixels
    changes.wholeFrame();
    loaded = true;
    this.index = index;
    this.pts = index;
    this.seconds = seconds;
  }

  /** True for a frame that warms the stages up before a segment and is not written. */
  public boolean warmup() {
    return warmup;
  }

  /** Frame number from 0 in decode (presentation) order. */
  public long index() {
    return index;
  }

  /** Presentation timestamp in the input video stream's time base. */
  public long pts() {
    return pts;
  }

  /** Presentation time in seconds from the start of the stream. */
  public double seconds() {
    return seconds;
  }

  public int width() {
    return loaded ? bgr.cols() : decoded.width();
  }

  public int height() {
    return loaded ? bgr.rows() : decoded.height();
  }

  /**
   * The frame's pixels as 8-bit BGR (made on first call); modify in place to change the output. The whole
   * frame then counts as changed: a stage that only reads, or changes known rectangles, takes
   * {@link #bgrToRead()} instead.
   */
  public Mat bgr() {
    changes.wholeFrame();
    return bgrToRead();
  }

  /**
   * The frame's pixels as 8-bit BGR (made on first call), for reading: a stage that changes any of them must
   * declare each changed rectangle with {@link #changed}, else the encoder may not see the change.
   */
  public Mat bgrToRead() {
    if (!bgrMade) {
      if (bgr == null || bgr.cols() != decoded.width() || bgr.rows() != decoded.height()) {
        bgr = new Mat(decoded.height(), decoded.width(), CV_8UC3);
      }
      converter.convert(decoded, view(bgr), colorSpace, colorRange);
      bgrMade = true;
    }
    return bgr;
  }

  /**
   * Replaces the picture to encode with {@code image} (CV_8UC3, the encoder's size, which is the input's
   * times the job's upscale); the slot takes ownership. For a result of another size than the decoded frame,
   * where editing {@link #bgr()} in place cannot work.
   */
  public void output(Mat image) {
    if (image.type() != CV_8UC3) {
      throw new IllegalArgumentException("the output picture must be CV_8UC3, got type " + image.type());
    }
    if (output != null) {
      output.close();
    }
    output = image;
    changes.wholeFrame();
  }

  /**
   * Declares that the pixels of {@link #bgrToRead()} inside this rectangle changed (clipped to the frame);
   * pixels outside every declared rectangle must equal the decoded frame's.
   */
  public void changed(int x, int y, int width, int height) {
    changes.add(x, y, width, height, width(), height());
  }

  /** What the stages changed in this frame's picture so far. */
  ChangedRegions changes() {
    return changes;
  }

  /** What will be encoded for this frame: the output picture if a stage set one, else the BGR pixels. */
  public Mat picture() {
    return output != null ? output : bgrToRead();
  }

  /** True once a stage asked for the BGR pixels or set an output picture (that is then what gets encoded). */
  boolean pixelsTaken() {
    return bgrMade || output != null;
  }

  /** An AVFrame describing the picture to encode (the output picture if set, else the BGR Mat). */
  AVFrame bgrFrame() {
    return view(output != null ? output : bgr);
  }

  private AVFrame view(Mat bgr) {
    bgrView.width(bgr.cols());
    bgrView.height(bgr.rows());
    bgrView.format(AV_PIX_FMT_BGR24);
    bgrView.data(0, bgr.data());
    bgrView.linesize(0, (int) bgr.step());
    return bgrView;
  }

  /** This slot's frame in the encoder's layout, with a buffer from {@code format} until {@link #encoded}. */
  AVFrame convertedFrame(EncoderFormat format) {
    return format.withBuffer(converted);
  }

  /** The encoder has taken this frame (it keeps a reference if it needs one): the conversion's buffer goes. */
  void encoded() {
    av_frame_unref(converted);
  }

  /** Frees the native buffers; the slot is unusable afterwards. */
  void release() {
    av_frame_free(decoded);
    av_frame_free(converted);
    av_frame_free(bgrView);
    converter.close();
    if (bgr != null) {
      bgr.close();
    }
    if (output != null) {
      output.close();
    }
  }

  /** Attaches per-frame data for later stages (e.g. the faces of this frame); replaces an earlier value. */
  public void attach(String key, Object value) {
    attachments.put(key, value);
  }

  /** Data attached by an earlier stage, or null. */
  public <T> T attachment(String key, Class<T> type) {
    return type.cast(attachments.get(key));
  }
}
