package io.restorevideo.pipeline;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.restorevideo.face.paste.FastFaceCompositor;
import io.restorevideo.restore.FrameFaceRestorer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The composite stage: pastes each frame's restored faces back (inside each face's region, with the
 * still-image path's masks: the track's from {@link MaskStage} when it runs, else the paste's own) and hands
 * the encoder the result at the frame's size times the upscale.
 *
 * <p>A frame whose short side is under 512 is processed enlarged, as the still-image path does; its result
 * is then resized (area filter) to the output size, so a video keeps its dimensions times the upscale.
 *
 * <p>Outside the exact mode, and when the paste calls no network, several instances run as
 * {@link StageWorkers} (each with its own {@link FastFaceCompositor}): nothing here depends on the frame
 * before.
 */
final class CompositeStage implements FrameStage {
  private final FrameFaceRestorer faces;
  private final int upscale;
  private final FaceStats stats;
  private final FastFaceCompositor fast;

  /**
   * @param exact blend as the still-image path does, bit for bit (the per-frame parity mode); otherwise the
   *     float32 {@link FastFaceCompositor}, whose soft masks are made once per face geometry
   */
  CompositeStage(FrameFaceRestorer faces, boolean exact, FaceStats stats) {
    this.faces = faces;
    this.upscale = faces.options().upscale();
    this.stats = stats;
    // the helper's box frame is drawn by the exact compositor only
    this.fast = exact || faces.options().drawBox() ? null : new FastFaceCompositor(upscale);
  }

  /** Whether this stage may run as several workers: the fast blend, and no network inside the paste. */
  static boolean parallel(FrameFaceRestorer faces, boolean exact, boolean masksGiven) {
    return !exact && !faces.options().drawBox() && !faces.compositeCallsNetworks(masksGiven);
  }

  @Override
  public String name() {
    return "composite";
  }

  @Override
  public void onFrame(FrameSlot slot) {
    if (slot.warmup()) {
      FaceFrame unused = slot.attachment(FaceFrame.KEY, FaceFrame.class);
      if (unused != null) {
        unused.close();
      }
      slot.attach(FaceFrame.KEY, null);
      return;
    }
    try (FaceFrame frame = slot.attachment(FaceFrame.KEY, FaceFrame.class)) {
      // the slot's frame is encoded next and read by no one else: paste into it rather than into a copy
      Mat canvas = faces.compositeOver(frame.image(), frame.restored(), frame.masks(), fast);
      if (fast != null && samePixels(canvas, slot.bgrToRead())) {
        // pasted in place by the fast blend, which says where: only those rectangles changed
        canvas.close();
        fast.pastedRegions(slot::changed);
      } else {
        slot.output(toOutputSize(canvas, slot.width() * upscale, slot.height() * upscale));
      }
      if (!frame.restored().isEmpty()) {
        synchronized (stats) {
          stats.facesRestored += frame.restored().size();
          stats.framesWithFaces++;
        }
      }
    }
    slot.attach(FaceFrame.KEY, null);
  }

  /** Whether {@code canvas} is (a header over) the slot's own pixels rather than a new picture. */
  private static boolean samePixels(Mat canvas, Mat bgr) {
    return canvas.data().address() == bgr.data().address() && canvas.cols() == bgr.cols()
        && canvas.rows() == bgr.rows() && canvas.step() == bgr.step();
  }

  private static Mat toOutputSize(Mat canvas, int width, int height) {
    if (canvas.cols() == width && canvas.rows() == height) {
      return canvas;
    }
    try (canvas; Size size = new Size(width, height)) {
      Mat out = new Mat();
      resize(canvas, out, size, 0, 0, INTER_AREA);
      return out;
    }
  }

  @Override
  public void close() {
    if (fast != null) {
      fast.close();
    }
  }
}
