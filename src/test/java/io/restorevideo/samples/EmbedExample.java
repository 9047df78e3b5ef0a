package io.restorevideo.samples;

import io.restorevideo.api.FaceModels;
import io.restorevideo.api.FaceRestorer;
import io.restorevideo.api.JobSummary;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.models.Downloader;
import io.restorevideo.models.ModelRegistry;
import io.restorevideo.models.ModelResolver;
import io.restorevideo.models.ModelStore;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;

/**
 * restore-video as a library inside a program that does its own decoding and encoding with JavaCV:
 * {@code java ... EmbedExample in.mp4 out.mp4}. The models come from the registry's cache (downloaded on
 * first use); see samples/README.md.
 */
public final class EmbedExample {
  private EmbedExample() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: EmbedExample IN.mp4 OUT.mp4");
      System.exit(2);
    }
    ModelStore store = new ModelStore(ModelRegistry.load(), ModelStore.defaultDirectory(), null, false,
        Downloader.defaults(), System.err);
    ModelResolver resolver = new ModelResolver(store, Map.of(), null, System.err::println);
    System.err.println(run(args[0], args[1], resolver, FaceModels.Settings.defaults(),
        FaceRestoreOptions.builder().fidelity(0.7).upscale(1).build()));
  }

  /** Decodes {@code in}, restores every face, encodes {@code out} (video only, same size and frame rate). */
  public static JobSummary.FaceSummary run(String in, String out, ModelResolver resolver, FaceModels.Settings settings,
      FaceRestoreOptions options) throws Exception {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(in)) {
      grabber.start();
      try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out, grabber.getImageWidth(),
              grabber.getImageHeight());
          OpenCVFrameConverter.ToMat toFrame = new OpenCVFrameConverter.ToMat();
          FaceModels models = new FaceModels(resolver, settings)) {
        recorder.setFrameRate(grabber.getFrameRate());
        recorder.setVideoCodecName("libx264");
        recorder.start();
        // the output runs on a pipeline thread, in frame order; the recorder is only used from there
        try (FaceRestorer restorer = FaceRestorer.builder(models).options(options)
            .output((index, seconds, bgr) -> recorder.record(toFrame.convert(bgr)))
            .build()) {
          Frame frame;
          while ((frame = grabber.grabImage()) != null) {
            restorer.process(frame);
          }
          JobSummary.FaceSummary summary = restorer.finish();
          recorder.stop();
          return summary;
        }
      }
    }
  }
}
