package io.restorevideo.cli;

import io.restorevideo.cli.options.FaceOptions;
import io.restorevideo.cli.options.ImageOptions;
import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.cli.options.PresetOptions;
import io.restorevideo.cli.options.VideoFaceOptions;
import io.restorevideo.cli.options.VideoOptions;
import io.restorevideo.cli.bench.BenchCommand;
import com.google.gson.GsonBuilder;
import io.restorevideo.api.AlignedFaceJob;
import io.restorevideo.api.FaceModels;
import io.restorevideo.api.VideoFaces;
import io.restorevideo.media.StillImages;
import io.restorevideo.pipeline.FaceStages;
import io.restorevideo.api.JobSummary;
import io.restorevideo.api.VideoJob;
import io.restorevideo.nn.codeformer.CodeFormerMode;
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
    subcommands = {ModelsCommand.class, DetectCommand.class, MetricsCommand.class, BenchCommand.class})
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
  @Mixin FaceOptions face;
  @Mixin ImageOptions image;
  @Mixin VideoFaceOptions videoFaces;
  @Mixin ModelOptions models;

  @Option(names = "--debug", description = "Print stack traces of failures.")
  boolean debug;

  @Override
  public Integer call() {
    if (input == null || output == null) {
      throw new ParameterException(spec.commandLine(), "Missing INPUT and OUTPUT (see --help)");
    }
    boolean presetUpscale = false;
    if (videoFaces.preset != null) {
      presetUpscale = PresetOptions.apply(spec, videoFaces.preset).options().containsKey("upscale");
    }
    try {
      face.validate();
      videoFaces.tracking();
      videoFaces.temporal();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!presetUpscale && !spec.commandLine().getParseResult().hasMatchedOption("--upscale")) {
      // the official default of 2 is for photos; a video's size is usually what the user wants to keep
      image.upscale = isVideo() ? 1 : image.upscale;
    }
    CodeFormerMode mode = face.mode();
    if (mode == CodeFormerMode.INPAINT && !face.hasAligned()) {
      throw new ParameterException(spec.commandLine(), "--mode inpaint needs --has-aligned: the official "
          + "inpainting model only takes aligned 512x512 faces with the damage painted pure white");
    }
    PrintWriter err = spec.commandLine().getErr();
    if (face.fidelityIgnored()) {
      err.printf(java.util.Locale.ROOT, "restore-video: warning: -w is ignored in --mode %s (its official "
          + "script fixes w=%.0f)%n", mode.cliName(), mode.fidelity(0));
    }
    if (face.hasAligned() && !isVideo()) {
      AlignedFaceJob.run(Path.of(input), Path.of(output), models.resolver().path(mode.role()), face.settings());
      return 0;
    }
    if (mode == CodeFormerMode.COLORIZE) {
      err.println("restore-video: note: --mode colorize colours the face regions only; the rest of each frame "
          + "keeps its own colours");
    }
    err.flush();
    if (ImageMode.handles(input, face.hasAligned())) {
      return new ImageMode(face, image, models, spec.commandLine().getOut(), spec.commandLine().getErr())
          .run(Path.of(input), Path.of(output), video.json);
    }
    return runVideo();
  }

  /** A video input (not an image file or a folder of images). */
  private boolean isVideo() {
    if ("-".equals(input)) {
      return true;
    }
    Path p = Path.of(input);
    return !java.nio.file.Files.isDirectory(p) && !StillImages.isImageName(p);
  }

  /** The face stages for the video, or null with --no-faces; the networks load now. */
  private FaceStages faceStages(FaceModels faceModels) {
    if (videoFaces.noFaces) {
      return null;
    }
    if (face.hasAligned()) {
      return VideoFaces.aligned(faceModels, face.fidelity());
    }
    return VideoFaces.tracked(faceModels, image.options(face.fidelity()), videoFaces.tracking(),
        image.backgroundUpsampler(), videoFaces.temporal());
  }

  private int runVideo() {
    if ("-".equals(output) && video.format == null) {
      throw new ParameterException(spec.commandLine(), "OUTPUT '-' (stdout) needs --format mp4|mov|mkv|webm|avi");
    }
    VideoJob.Builder job;
    try {
      job = video.apply(VideoJob.builder(input, output));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    int upscale = face.hasAligned() ? 1 : image.options(face.fidelity()).upscale();
    try (FaceModels faceModels = new FaceModels(models.resolver(),
        face.modelSettings(FaceModels.Settings.defaults().detectorThreshold(), image.bgTile()), face::announceDevice)) {
      job.faces(() -> faceStages(faceModels)).upscale(upscale);
      return runJob(job);
    }
  }

  private int runJob(VideoJob.Builder job) {
    PrintWriter err = spec.commandLine().getErr();
    job.warnings(line -> {
      err.println("restore-video: warning: " + line);
      err.flush();
    });
    ProgressLine progress = new ProgressLine(err);
    if (!video.quiet) {
      job.progress(progress);
    }
    JobSummary summary;
    try {
      summary = job.build().run();
    } finally {
      progress.end();
    }
    if (video.json) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(new GsonBuilder().setPrettyPrinting().create().toJson(summary));
      out.flush();
    } else if (!video.quiet) {
      err.printf(java.util.Locale.ROOT, "%s: %d frames in %.1f s (%.1f fps)%n", output, summary.frames(),
          summary.seconds(), summary.fps());
      err.flush();
    }
    return 0;
  }
}
