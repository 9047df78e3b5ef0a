package io.restorevideo.cli.options;

import io.restorevideo.api.FaceModels;
import io.restorevideo.api.VideoFaces;
import io.restorevideo.api.VideoJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The face part of a video job from the parsed options, shared by the main command and {@code batch}. */
public final class VideoJobSetup {
  private final FaceOptions face;
  private final ImageOptions image;
  private final VideoFaceOptions videoFaces;

  public VideoJobSetup(FaceOptions face, ImageOptions image, VideoFaceOptions videoFaces) {
    this.face = face;
    this.image = image;
    this.videoFaces = videoFaces;
  }

  /**
   * Applies --preset (options given on the command line win), checks the face options, and for a video keeps
   * its size unless --upscale or the preset asks otherwise.
   */
  public void applyPresetAndValidate(CommandSpec spec, boolean video) {
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
      image.upscale = video ? 1 : image.upscale;
    }
    String inpaint = face.settings().inpaintProblem();
    if (inpaint != null) {
      throw new ParameterException(spec.commandLine(), inpaint);
    }
  }

  /**
   * {@code job} with the face stages of these options over {@code faceModels} (left without them with
   * --no-faces or no networks); the stages are built when the job starts, once its input is known to be a video.
   */
  public VideoJob.Builder withFaces(VideoJob.Builder job, FaceModels faceModels) {
    return withFaces(job, faceModels, null);
  }

  /** As {@link #withFaces(VideoJob.Builder, FaceModels)}, with {@code w} in place of -w when not null. */
  public VideoJob.Builder withFaces(VideoJob.Builder job, FaceModels faceModels, Double w) {
    if (videoFaces.noFaces || faceModels == null) {
      return job;
    }
    double fidelity = w == null ? face.fidelity() : w;
    return job.faces(() -> VideoFaces.of(faceModels,
        w == null ? face.settings() : face.settings().withFidelity(w), image.options(fidelity),
        videoFaces.tracking(), videoFaces.temporal()));
  }

  /** The output's size factor. */
  public int upscale() {
    return face.hasAligned() ? 1 : image.options(face.fidelity()).upscale();
  }

  /** The networks' settings on {@code device} (null: the one --device chose). */
  public FaceModels.Settings modelSettings(String device) {
    FaceModels.Settings s = face.settings().modelSettings(FaceModels.Settings.defaults().detectorThreshold(),
        image.bgTile());
    return device == null ? s : new FaceModels.Settings(device, s.precision(), s.batchSize(), s.codeformerHeads(),
        s.detectorThreshold(), s.bgTile(), s.mode());
  }
}
