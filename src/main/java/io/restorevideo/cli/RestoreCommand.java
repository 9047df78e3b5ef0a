package io.restorevideo.cli;

import io.restorevideo.cli.options.FaceOptions;
import io.restorevideo.cli.options.ImageOptions;
import io.restorevideo.cli.options.InputOptions;
import io.restorevideo.cli.options.RangeOptions;
import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.cli.options.VideoFaceOptions;
import io.restorevideo.cli.options.VideoJobSetup;
import io.restorevideo.cli.options.VideoOptions;
import io.restorevideo.cli.batch.BatchCommand;
import io.restorevideo.cli.bench.BenchCommand;
import io.restorevideo.api.AlignedFaceJob;
import io.restorevideo.api.FaceModels;
import io.restorevideo.api.FaceSettings;
import io.restorevideo.api.InputKind;
import io.restorevideo.api.JobSummary;
import io.restorevideo.api.VideoFaces;
import io.restorevideo.api.VideoJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restore-video INPUT OUTPUT [options]}: the default command. */
@Command(
    name = "restore-video",
    mixinStandardHelpOptions = true,
    version = "restore-video 0.1.0",
    description = "Restores faces in videos and images with CodeFormer.",
    subcommands = {ModelsCommand.class, DetectCommand.class, PreviewCommand.class, BatchCommand.class,
        MetricsCommand.class,
        BenchCommand.class})
public final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT",
      description = "Input video (path, URL, or '-' for stdin), image, or folder of images.")
  String input;

  @Parameters(index = "1", arity = "0..1", paramLabel = "OUTPUT",
      description = "Output video (container from the extension, or '-' for stdout with --format), image, "
          + "or folder for a folder input.")
  String output;

  @Mixin VideoOptions video;
  @Mixin InputOptions inputFormat;
  @Mixin RangeOptions range;
  @Mixin FaceOptions face;
  @Mixin ImageOptions image;
  @Mixin VideoFaceOptions videoFaces;
  @Mixin ModelOptions models;

  @Option(names = "--debug", description = "Print stack traces of failures and every library's log lines (DJL, "
      + "JavaCPP; by default they log warnings only, without the known-harmless ones).")
  boolean debug;

  @Override
  public Integer call() {
    if (input == null || output == null) {
      throw new ParameterException(spec.commandLine(), "Missing INPUT and OUTPUT (see --help)");
    }
    new VideoJobSetup(face, image, videoFaces).applyPresetAndValidate(spec, InputKind.isVideo(input));
    FaceSettings settings = face.settings();
    PrintWriter err = spec.commandLine().getErr();
    if (face.fidelityIgnored()) {
      err.println("restore-video: warning: " + settings.ignoredFidelityWarning());
    }
    InputKind kind = InputKind.of(input, face.hasAligned());
    if (kind == InputKind.ALIGNED_STILLS) {
      AlignedFaceJob.run(Path.of(input), Path.of(output), models.checkedCache(), settings);
      return 0;
    }
    if (settings.colorizes()) {
      err.println("restore-video: note: --mode colorize colours the face regions only; the rest of each frame "
          + "keeps its own colours");
    }
    err.flush();
    if (kind == InputKind.STILLS) {
      return new ImageMode(face, image, models, spec.commandLine().getOut(), spec.commandLine().getErr())
          .run(Path.of(input), Path.of(output), video.json);
    }
    return runVideo();
  }

  private int runVideo() {
    if ("-".equals(output) && video.format == null) {
      throw new ParameterException(spec.commandLine(),
          "OUTPUT '-' (stdout) needs --format mp4|mov|mkv|webm|avi|y4m|nut|rawvideo");
    }
    if ("-".equals(output) && video.json && video.jsonFile == null) {
      throw new ParameterException(spec.commandLine(), "--json: stdout carries the video (OUTPUT is '-'); "
          + "give --json-file FILE for the summary");
    }
    VideoJob.Builder job;
    try {
      job = range.apply(inputFormat.apply(video.apply(VideoJob.builder(input, output))));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    int upscale = face.hasAligned() ? 1 : image.options(face.fidelity()).upscale();
    FaceSettings settings = face.settings();
    try (FaceModels faceModels = new FaceModels(models.checkedCache(),
        settings.modelSettings(FaceModels.Settings.defaults().detectorThreshold(), image.bgTile()),
        face::announceDevice)) {
      // the face stages, or none with --no-faces; the networks load when the job starts
      job.faces(() -> videoFaces.noFaces ? null
          : VideoFaces.of(faceModels, settings, image.options(face.fidelity()), videoFaces.tracking(),
              videoFaces.temporal()))
          .upscale(upscale);
      return runJob(job);
    }
  }

  private int runJob(VideoJob.Builder job) {
    PrintWriter err = spec.commandLine().getErr();
    job.warnings(line -> {
      err.println("restore-video: warning: " + line);
      err.flush();
    });
    if (!(video.progressEvery > 0)) {
      throw new ParameterException(spec.commandLine(), "--progress-every must be > 0 seconds");
    }
    ProgressReport progress;
    try {
      progress = ProgressReport.open(video.progress, video.quiet, "-".equals(output), spec.commandLine().getOut(), err);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    job.progress(progress.listener(), java.time.Duration.ofMillis(Math.round(video.progressEvery * 1000)));
    JobSummary summary;
    try (progress) {
      summary = job.build().run();
    }
    if (video.jsonFile != null) {
      summary.writeJson(video.jsonFile);
    } else if (video.json) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(summary.toJson());
      out.flush();
    }
    if (!video.json && video.jsonFile == null && !video.quiet) {
      err.printf(java.util.Locale.ROOT, "%s: %d frames in %.1f s (%.1f fps)%n", output, summary.frames(),
          summary.seconds(), summary.fps());
      err.flush();
    }
    return 0;
  }
}
