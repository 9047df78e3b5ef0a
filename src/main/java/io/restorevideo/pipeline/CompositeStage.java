package io.restorevideo.pipeline;

import io.restorevideo.restore.FrameFaceRestorer;
import io.restorevideo.restore.RestoredFace;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.restorevideo.face.track.TrackedFace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The composite stage: pastes each frame's restored faces back (inside each face's region, with the
 * still-image path's masks) and hands the encoder the result at the frame's size times the upscale.
 *
 * <p>Parse masks are per track: ParseNet runs when the detector has just seen the face (a keyframe) or the
 * track is new, and the mask is reused in between. The crop is aligned to the same template on every frame,
 * so the mask stays in place while the face moves; recomputing it on every frame is what makes the official
 * script's mask edges shake. At a keyframe the new mask is blended with the track's previous one by the
 * smoothing strength. With smoothing 0 and detection on every frame this is exactly the still-image path.
 *
 * <p>A frame whose short side is under 512 is processed enlarged, as the still-image path does; its result
 * is then resized (area filter) to the output size, so a video keeps its dimensions times the upscale.
 */
final class CompositeStage implements FrameStage {
  private final FrameFaceRestorer faces;
  private final double maskSmoothing;
  private final int upscale;
  private final FaceStats stats;
  private final boolean reuseMasks;
  private Map<Integer, Mat> trackMasks = new HashMap<>();

  CompositeStage(FrameFaceRestorer faces, double maskSmoothing, FaceStats stats) {
    this.faces = faces;
    this.maskSmoothing = maskSmoothing;
    this.upscale = faces.options().upscale();
    this.stats = stats;
    // with face upsampling the masks belong to the upsampled faces, which only the paste step makes
    this.reuseMasks = faces.options().parse() && !faces.options().faceUpsample();
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
      List<Mat> masks = reuseMasks ? masks(frame) : null;
      Mat canvas = faces.composite(frame.image(), frame.restored(), masks);
      slot.output(toOutputSize(canvas, slot.width() * upscale, slot.height() * upscale));
      if (!frame.restored().isEmpty()) {
        stats.facesRestored += frame.restored().size();
        stats.framesWithFaces++;
      }
    }
    slot.attach(FaceFrame.KEY, null);
  }

  /** The mask of each face: new on keyframes (blended with the track's last one), reused in between. */
  private List<Mat> masks(FaceFrame frame) {
    List<TrackedFace> tracked = frame.faces();
    List<RestoredFace> toParse = new ArrayList<>();
    List<Integer> parseIndex = new ArrayList<>();
    for (int i = 0; i < tracked.size(); i++) {
      TrackedFace f = tracked.get(i);
      if (f.detected() || !trackMasks.containsKey(f.trackId())) {
        toParse.add(frame.restored().get(i));
        parseIndex.add(i);
      }
    }
    Map<Integer, Mat> next = new HashMap<>();
    if (!toParse.isEmpty()) {
      List<Mat> fresh = faces.parseMasks(toParse);
      for (int j = 0; j < fresh.size(); j++) {
        int id = tracked.get(parseIndex.get(j)).trackId();
        Mat previous = trackMasks.remove(id);
        next.put(id, blend(previous, fresh.get(j)));
      }
    }
    List<Mat> out = new ArrayList<>(tracked.size());
    for (TrackedFace f : tracked) {
      Mat m = next.containsKey(f.trackId()) ? next.get(f.trackId()) : trackMasks.remove(f.trackId());
      next.put(f.trackId(), m);
      out.add(m);
    }
    // masks of tracks absent from this frame have ended with them
    trackMasks.values().forEach(Mat::close);
    trackMasks = next;
    return out;
  }

  private Mat blend(Mat previous, Mat fresh) {
    if (previous == null) {
      return fresh;
    }
    if (maskSmoothing == 0 || previous.cols() != fresh.cols() || previous.rows() != fresh.rows()) {
      previous.close();
      return fresh;
    }
    Mat mixed = new Mat();
    addWeighted(previous, maskSmoothing, fresh, 1 - maskSmoothing, 0, mixed);
    previous.close();
    fresh.close();
    return mixed;
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
    trackMasks.values().forEach(Mat::close);
    trackMasks.clear();
  }
}
