package io.restorevideo.api;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.pipeline.FaceStages;
import io.restorevideo.pipeline.StreamPipeline;
import io.restorevideo.pipeline.VideoPipeline;
import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The library entry: restores the faces of a stream of frames that another program decodes and encodes
 * itself (a plugin in its own media pipeline). Frames go in, in order, with {@link #process}; each blocks
 * while the ring of frames in flight is full (backpressure); restored frames come out, in the same order, to
 * the {@link Output} on a pipeline thread. Tracking, cross-frame batching and per-track masks are those of
 * the command-line tool.
 *
 * <pre>{@code
 * try (FaceModels models = new FaceModels(resolver, FaceModels.Settings.defaults());
 *     FaceRestorer r = FaceRestorer.builder(models).output((i, t, bgr) -> write(bgr)).build()) {
 *   for (Frame f : frames) r.process(f);
 *   JobSummary.FaceSummary s = r.finish();
 * }
 * }</pre>
 */
public final class FaceRestorer implements AutoCloseable {
  /** Receives each restored frame (CV_8UC3 BGR, input size times the upscale); valid only during the call. */
  @FunctionalInterface
  public interface Output {
    void frame(long index, double seconds, Mat bgr) throws Exception;
  }

  private final FaceStages stages;
  private final StreamPipeline pipeline;
  private final OpenCVFrameConverter.ToMat toMat = new OpenCVFrameConverter.ToMat();

  private FaceRestorer(Builder b) {
    stages = VideoFaces.tracked(b.models, b.options, b.tracking, b.backgroundUpsampler,
        VideoFaces.temporal(b.temporal, b.tracking));
    pipeline = new StreamPipeline(stages.stages(), b.ringSize, b.output::frame);
  }

  public static Builder builder(FaceModels models) {
    return new Builder(models);
  }

  /** Queues a copy of a BGR picture (CV_8UC3) shown at {@code seconds}. */
  public void process(Mat bgr, double seconds) {
    if (bgr.type() != CV_8UC3) {
      throw new IllegalArgumentException("expected an 8-bit BGR picture (CV_8UC3), got type " + bgr.type());
    }
    pipeline.submit(bgr, seconds);
  }

  /** Queues a JavaCV video frame (8-bit, 3 channels BGR, as FFmpegFrameGrabber gives by default). */
  public void process(Frame frame) {
    if (frame.image == null || frame.imageChannels != 3 || frame.imageDepth != Frame.DEPTH_UBYTE) {
      throw new IllegalArgumentException("expected an 8-bit 3-channel BGR video frame");
    }
    process(toMat.convert(frame), frame.timestamp / 1e6);
  }

  /** Queues a packed BGR picture of {@code width x height} (3 bytes per pixel, no row padding). */
  public void process(byte[] bgr, int width, int height, double seconds) {
    if (bgr.length != (long) width * height * 3) {
      throw new IllegalArgumentException(bgr.length + " bytes for a " + width + "x" + height + " BGR picture");
    }
    try (BytePointer data = new BytePointer(bgr); Mat view = new Mat(height, width, CV_8UC3, data)) {
      process(view, seconds);
    }
  }

  /** Waits until every queued frame has reached the output; returns what the face stages did. */
  public JobSummary.FaceSummary finish() throws InterruptedException {
    pipeline.finish();
    return JobSummary.FaceSummary.of(stages.stats());
  }

  /** Finishes the stream if needed and frees the pipeline; the models stay open (the caller owns them). */
  @Override
  public void close() throws InterruptedException {
    pipeline.close();
    toMat.close();
  }

  /** Options of a {@link FaceRestorer}; defaults: the still-image defaults at upscale 1, default tracking. */
  public static final class Builder {
    private final FaceModels models;
    private FaceRestoreOptions options = FaceRestoreOptions.builder().upscale(1).build();
    private TrackerOptions tracking = TrackerOptions.defaults();
    private boolean backgroundUpsampler;
    private Double temporal;
    private int ringSize = VideoPipeline.DEFAULT_RING_SIZE;
    private Output output;

    private Builder(FaceModels models) {
      this.models = Objects.requireNonNull(models, "models");
    }

    public Builder options(FaceRestoreOptions options) {
      this.options = Objects.requireNonNull(options);
      return this;
    }

    public Builder tracking(TrackerOptions tracking) {
      this.tracking = Objects.requireNonNull(tracking);
      return this;
    }

    /**
     * Temporal stabilisation of the restored faces in [0, 1] (0 = off). Default: {@link VideoFaces#temporal}
     * of the tracking options (on, except in the exact per-frame mode).
     */
    public Builder temporal(double strength) {
      this.temporal = VideoFaces.temporal(strength, tracking);
      return this;
    }

    /** Real-ESRGAN for the background (loads the realesrgan role). */
    public Builder backgroundUpsampler(boolean on) {
      this.backgroundUpsampler = on;
      return this;
    }

    /** Frames in flight (a power of two): the backpressure bound. */
    public Builder ringSize(int ringSize) {
      this.ringSize = ringSize;
      return this;
    }

    public Builder output(Output output) {
      this.output = Objects.requireNonNull(output);
      return this;
    }

    /** Loads the networks and starts the stage threads. */
    public FaceRestorer build() {
      if (output == null) {
        throw new IllegalStateException("an output is required");
      }
      return new FaceRestorer(this);
    }
  }
}
