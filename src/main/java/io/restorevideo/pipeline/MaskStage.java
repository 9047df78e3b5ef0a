package io.restorevideo.pipeline;

import static org.bytedeco.opencv.global.opencv_core.addWeighted;

import io.restorevideo.face.track.TrackedFace;
import io.restorevideo.restore.FrameFaceRestorer;
import io.restorevideo.restore.RestoredFace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The parse masks of a video's faces, per track: ParseNet runs when the detector has just seen the face (a
 * keyframe) or the track is new, and the mask is reused in between. The crop is aligned to the same template
 * on every frame, so the mask stays in place while the face moves; recomputing it on every frame is what
 * makes the official script's mask edges shake. At a keyframe the new mask is blended with the track's
 * previous one by the smoothing strength. With smoothing 0 and detection on every frame this is exactly the
 * still-image path.
 *
 * <p>A stage of its own, in frame order, because each mask depends on the track's previous one; the paste
 * after it has no such dependency and may run on several frames at once. Each frame gets its own header of
 * a mask (OpenCV counts the references to the pixels), so a mask replaced here stays valid for frames still
 * being pasted.
 */
final class MaskStage implements FrameStage {
  private final FrameFaceRestorer faces;
  private final double smoothing;
  private Map<Integer, Mat> trackMasks = new HashMap<>();

  MaskStage(FrameFaceRestorer faces, double smoothing) {
    this.faces = faces;
    this.smoothing = smoothing;
  }

  @Override
  public String name() {
    return "mask";
  }

  @Override
  public void onFrame(FrameSlot slot) {
    FaceFrame frame = slot.attachment(FaceFrame.KEY, FaceFrame.class);
    if (frame == null || slot.warmup()) {
      return;
    }
    List<Mat> masks = masks(frame);
    List<Mat> headers = new ArrayList<>(masks.size());
    for (Mat m : masks) {
      headers.add(new Mat(m));
    }
    frame.masks(headers);
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
    if (smoothing == 0 || previous.cols() != fresh.cols() || previous.rows() != fresh.rows()) {
      previous.close();
      return fresh;
    }
    Mat mixed = new Mat();
    addWeighted(previous, smoothing, fresh, 1 - smoothing, 0, mixed);
    previous.close();
    fresh.close();
    return mixed;
  }

  @Override
  public void close() {
    trackMasks.values().forEach(Mat::close);
    trackMasks.clear();
  }
}
