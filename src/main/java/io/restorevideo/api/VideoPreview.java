package io.restorevideo.api;

import io.restorevideo.media.BeforeAfterSheet;
import io.restorevideo.media.FrameSampler;
import io.restorevideo.media.MediaException;
import io.restorevideo.media.MediaInput;
import io.restorevideo.media.StillImages;
import io.restorevideo.restore.FrameResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A before/after sheet of a few frames of a video, to try settings in seconds before committing hours to a
 * film: N frames spread over the video (or at given times) are restored as stills with the same networks and
 * options, and drawn in one picture, input left, restored right, face boxes marked.
 *
 * <pre>{@code
 * PreviewResult r = VideoPreview.write(imageRestorer, "film.mkv", Path.of("try.png"), 4, List.of());
 * }</pre>
 */
public final class VideoPreview {
  private VideoPreview() {}

  /**
   * Writes the sheet for {@code input} to {@code sheet} (PNG, JPEG or WebP by its extension): {@code at} (seconds,
   * any order) when not empty, else {@code frames} times spread over the video.
   */
  public static PreviewResult write(ImageRestorer restorer, String input, Path sheet, int frames, List<Double> at) {
    if (!StillImages.isImageName(sheet)) {
      throw new UserException(sheet + ": unsupported sheet format (use .png, .jpg, .jpeg or .webp)");
    }
    if (at.isEmpty() && frames < 1) {
      throw new UserException("a preview needs at least one frame, got " + frames);
    }
    List<FrameSampler.Sample> samples = List.of();
    List<FrameResult> restored = new ArrayList<>();
    try (MediaInput in = MediaInput.open(input)) {
      samples = FrameSampler.at(in, times(in, input, frames, at));
      List<BeforeAfterSheet.Pair> pairs = new ArrayList<>();
      List<PreviewResult.Frame> found = new ArrayList<>();
      for (FrameSampler.Sample s : samples) {
        FrameResult r = restorer.restoreFrame(s.bgr());
        restored.add(r);
        List<ImageResult.Face> faces = ImageRestorer.boxes(r);
        found.add(new PreviewResult.Frame(s.seconds(), faces));
        pairs.add(new BeforeAfterSheet.Pair(s.bgr(), r.output(), boxes(faces)));
      }
      try (Mat picture = BeforeAfterSheet.compose(pairs, restorer.upscale())) {
        StillImages.write(picture, sheet);
        return new PreviewResult(input, sheet.toString(), picture.cols(), picture.rows(), found);
      }
    } catch (MediaException e) {
      throw new UserException(e.getMessage(), e);
    } finally {
      samples.forEach(s -> s.bgr().close());
      restored.forEach(FrameResult::close);
    }
  }

  private static List<Double> times(MediaInput in, String input, int frames, List<Double> at) {
    if (!at.isEmpty()) {
      for (double t : at) {
        if (!(t >= 0)) {
          throw new UserException("--at " + t + ": times are seconds >= 0");
        }
      }
      return at.stream().sorted().toList();
    }
    double duration = in.info().durationSeconds();
    if (!(duration > 0)) {
      throw new UserException(input + ": the video does not say how long it is; give the times with --at");
    }
    return FrameSampler.spread(duration, frames);
  }

  private static List<BeforeAfterSheet.Box> boxes(List<ImageResult.Face> faces) {
    List<BeforeAfterSheet.Box> boxes = new ArrayList<>();
    for (ImageResult.Face f : faces) {
      boxes.add(new BeforeAfterSheet.Box(f.x1(), f.y1(), f.x2(), f.y2()));
    }
    return boxes;
  }
}
