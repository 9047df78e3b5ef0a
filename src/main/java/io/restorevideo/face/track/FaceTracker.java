package io.restorevideo.face.track;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.detect.FaceDetector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows faces through a video so the detector runs on keyframes only and the alignment landmarks are
 * stable.
 *
 * <p>A frame is a keyframe when it is the first one tracked, when its frame number (counted from the start
 * of the video, see {@link #track(Mat, double, long)}) is a multiple of {@code detectEvery}, so that a job
 * cut into segments detects on the same frames as a whole run, when it starts a new shot
 * ({@link SceneCutDetector}: all tracks end, new ids follow), or when
 * the optical flow loses a track. On a keyframe the detector's faces are matched to the tracks by box
 * overlap (greedy, best IoU first); an unmatched detection starts a track; a track the detector misses is
 * carried by the flow (its gap filled) until it has been missed on more than {@code missLimit} keyframes,
 * or at once if the flow lost it too or the detector had found it on one keyframe only. Between keyframes every track is carried by {@link OpticalFlowCarrier}.
 * Landmarks are then smoothed per track ({@link LandmarkSmoother}).
 *
 * <p>With {@link TrackerOptions#parity()} (detect every frame, smoothing 0) each frame's output is exactly
 * the detector's list: same faces, same landmarks, same order; missed faces are not filled in.
 *
 * <p>Not thread-safe: feed frames in order from one thread. The detector stays owned by the caller.
 */
public final class FaceTracker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FaceTracker.class);

  private final FaceDetector detector;
  private final TrackerOptions options;
  private final SceneCutDetector cuts;
  private final OpticalFlowCarrier flow = new OpticalFlowCarrier();
  /** Live tracks in output order (the detector's order on the last keyframe). */
  private List<FaceTrack> tracks = new ArrayList<>();

  private GrayPyramid prevGray;
  private long frames;
  private long keyframes;
  private long cutsSeen;
  private int nextId;
  private boolean lastWasKeyframe;

  public FaceTracker(FaceDetector detector, TrackerOptions options) {
    this.detector = detector;
    this.options = options;
    this.cuts = new SceneCutDetector(options.cutThreshold());
  }

  public TrackerOptions options() {
    return options;
  }

  /**
   * Tracks the faces of the next frame.
   *
   * @param bgr the frame, 8-bit BGR; it is what the detector sees on keyframes
   * @param timeSeconds its presentation time (drives the smoothing's time step)
   * @return the faces on this frame; on keyframes in the detector's order, then faces carried over a gap
   */
  public List<TrackedFace> track(Mat bgr, double timeSeconds) {
    return track(bgr, timeSeconds, frames);
  }

  /**
   * Tracks the faces of frame number {@code index} of the video (frames fed in order, possibly starting
   * past frame 0, as a segment of a video does).
   */
  public List<TrackedFace> track(Mat bgr, double timeSeconds, long index) {
    return track(TrackerFrame.of(bgr), bgr, timeSeconds, index);
  }

  /**
   * As {@link #track(Mat, double, long)}, with the frame's gray image and cut thumbnail made beforehand
   * ({@link TrackerFrame#of}, possibly on another thread); the same result. Takes ownership of {@code input}.
   *
   * @param input {@code TrackerFrame.of(bgr)}
   */
  public List<TrackedFace> track(TrackerFrame input, Mat bgr, double timeSeconds, long index) {
    CutThumbnail thumbnail = input.thumbnail();
    GrayPyramid gray = new GrayPyramid(input.takeGray());
    try {
      return follow(gray, thumbnail, bgr, timeSeconds, index);
    } catch (RuntimeException e) {
      gray.close();
      throw e;
    }
  }

  /** Takes ownership of {@code gray}: it becomes the previous frame for the next call. */
  private List<TrackedFace> follow(GrayPyramid gray, CutThumbnail thumbnail, Mat bgr, double timeSeconds,
      long index) {
    boolean first = frames++ == 0;
    boolean cut = cuts.isCut(thumbnail);
    if (cut && !tracks.isEmpty()) {
      LOG.debug("scene cut at frame {} (score {}), ending {} tracks", index, cuts.lastScore(), tracks.size());
      tracks = new ArrayList<>();
    }
    if (cut && !first) {
      cutsSeen++;
    }
    // the flow also serves keyframes: it fills gaps and tells the smoother how each face moved; only the
    // parity mode, which neither fills nor smooths, skips it
    Map<FaceTrack, OpticalFlowCarrier.Carried> carried =
        options.parity() ? new HashMap<>() : carry(gray, tracks);
    boolean keyframe = cut
        || first
        || index % options.detectEvery() == 0
        || carried.values().stream().anyMatch(c -> !c.ok());
    List<TrackedFace> out = keyframe ? detectAndMatch(bgr, timeSeconds, carried) : carryAll(timeSeconds, carried);
    lastWasKeyframe = keyframe;
    if (prevGray != null) {
      prevGray.close();
    }
    prevGray = gray;
    return out;
  }

  private List<TrackedFace> carryAll(double t, Map<FaceTrack, OpticalFlowCarrier.Carried> carried) {
    List<TrackedFace> out = new ArrayList<>(tracks.size());
    for (FaceTrack track : tracks) {
      OpticalFlowCarrier.Carried c = carried.get(track);
      track.carry(c.landmarks(), c.box(), t, motion(track, c));
      out.add(track.snapshot(false));
    }
    return out;
  }

  private List<TrackedFace> detectAndMatch(
      Mat bgr, double t, Map<FaceTrack, OpticalFlowCarrier.Carried> carried) {
    keyframes++;
    List<DetectedFace> found = detector.detect(bgr);
    FaceTrack[] owner = match(found);
    List<FaceTrack> next = new ArrayList<>();
    List<TrackedFace> out = new ArrayList<>();
    for (int d = 0; d < found.size(); d++) {
      FaceTrack track = owner[d];
      float[] motion = null;
      if (track == null) {
        track = new FaceTrack(nextId++, options.smoothing());
      } else {
        motion = motion(track, carried.get(track));
      }
      track.observe(found.get(d), t, motion);
      next.add(track);
      out.add(track.snapshot(true));
    }
    if (!options.parity()) {
      for (FaceTrack track : tracks) {
        if (next.contains(track)) {
          continue;
        }
        track.miss();
        OpticalFlowCarrier.Carried c = carried.get(track);
        // A face found on one keyframe only is not confirmed: carrying it through missed keyframes would cost
        // a restore per frame for what was most likely a false detection (the official per-frame code drops
        // it on the next frame). A confirmed face keeps the miss limit.
        int limit = track.detections() > 1 ? options.missLimit() : 0;
        if (c == null || !c.ok() || track.misses() > limit) {
          LOG.debug("track {} ended after {} missed keyframes", track.id(), track.misses());
          continue;
        }
        track.carry(c.landmarks(), c.box(), t, motion(track, c));
        next.add(track);
        out.add(track.snapshot(false));
      }
    }
    tracks = next;
    return out;
  }

  /** Landmark displacement measured by the flow since the previous frame; null when it failed. */
  private static float[] motion(FaceTrack track, OpticalFlowCarrier.Carried c) {
    if (c == null || !c.ok()) {
      return null;
    }
    float[] before = track.rawLandmarks().toArray();
    float[] after = c.landmarks().toArray();
    for (int i = 0; i < 10; i++) {
      after[i] -= before[i];
    }
    return after;
  }

  /** For each detection, the track it continues (null: a new face); greedy by best IoU. */
  private FaceTrack[] match(List<DetectedFace> found) {
    record Pair(int det, FaceTrack track, double iou) {}
    List<Pair> pairs = new ArrayList<>();
    for (int d = 0; d < found.size(); d++) {
      TrackBox box = TrackBox.of(found.get(d));
      for (FaceTrack track : tracks) {
        double iou = box.iou(track.box());
        if (iou >= options.iouThreshold()) {
          pairs.add(new Pair(d, track, iou));
        }
      }
    }
    pairs.sort(Comparator.comparingDouble(Pair::iou).reversed());
    FaceTrack[] owner = new FaceTrack[found.size()];
    List<FaceTrack> taken = new ArrayList<>();
    for (Pair p : pairs) {
      if (owner[p.det()] == null && !taken.contains(p.track())) {
        owner[p.det()] = p.track();
        taken.add(p.track());
      }
    }
    return owner;
  }

  private Map<FaceTrack, OpticalFlowCarrier.Carried> carry(GrayPyramid gray, List<FaceTrack> which) {
    Map<FaceTrack, OpticalFlowCarrier.Carried> result = new HashMap<>();
    if (which.isEmpty() || prevGray == null) {
      return result;
    }
    List<OpticalFlowCarrier.Face> faces =
        which.stream().map(t -> new OpticalFlowCarrier.Face(t.rawLandmarks(), t.box())).toList();
    List<OpticalFlowCarrier.Carried> moved = flow.carry(prevGray, gray, faces);
    for (int i = 0; i < which.size(); i++) {
      result.put(which.get(i), moved.get(i));
    }
    return result;
  }

  /** A live track by id (ended tracks are gone). */
  public Optional<FaceTrack> track(int id) {
    return tracks.stream().filter(t -> t.id() == id).findFirst();
  }

  /** Frames fed so far. */
  public long frames() {
    return frames;
  }

  /** Keyframes so far; each ran the detector exactly once. */
  public long keyframes() {
    return keyframes;
  }

  /** Scene cuts detected after the first frame. */
  public long sceneCuts() {
    return cutsSeen;
  }

  /** Tracks started so far (ids are 0 .. tracksStarted-1). */
  public int tracksStarted() {
    return nextId;
  }

  /** Whether the last frame fed was a keyframe. */
  public boolean lastFrameWasKeyframe() {
    return lastWasKeyframe;
  }

  @Override
  public void close() {
    if (prevGray != null) {
      prevGray.close();
      prevGray = null;
    }
  }
}
