package io.restorevideo.cli.options;

import io.restorevideo.api.FaceModels;
import io.restorevideo.api.FrameOptions;
import io.restorevideo.api.FrameOptions.Background;
import io.restorevideo.api.ImageRestorer;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The still-image face options of the official script (a picocli mixin): upscale, centre face only, parse
 * mask, boxes, saved faces, background and face upsampling, plus the input pixel limit. {@link #options(double)} turns them into the
 * pipeline's options; a bad value is a usage error (exit 2).
 */
public final class ImageOptions {
  @Spec(Spec.Target.MIXEE)
  public CommandSpec spec;

  @Option(names = {"-s", "--upscale"}, paramLabel = "N", defaultValue = "2",
      description = "Output size as a multiple of the input, 1..8 (default: ${DEFAULT-VALUE} for images, as the "
          + "official script; 1 for videos, whose size is usually final).")
  public int upscale;

  @Option(names = "--only-center-face", description = "Restore only the face nearest the image centre.")
  public boolean onlyCenterFace;

  @Option(names = "--no-parse",
      description = "Paste faces with the square soft mask only, without the ParseNet face mask (faster).")
  public boolean noParse;

  @Option(names = "--draw-box", description = "Draw a green frame around each restored face.")
  public boolean drawBox;

  @Option(names = "--save-faces", paramLabel = "DIR",
      description = "Also write each face's aligned crop and restored crop to DIR/cropped_faces and "
          + "DIR/restored_faces, named NAME_00.png, NAME_01.png, ...")
  public Path saveFaces;

  @Option(names = "--bg-upsampler", paramLabel = "NAME", defaultValue = "none",
      description = "Background upsampler: none (a plain resize, the default, as the official script) or realesrgan "
          + "(RealESRGAN_x2plus, downloaded on first use; slow on a CPU).")
  public Background bgUpsampler;

  @Option(names = "--bg-tile", paramLabel = "N", defaultValue = "" + FaceModels.DEFAULT_BG_TILE,
      description = "Tile size of the Real-ESRGAN upsampler in input pixels, each tile padded by 40; 0 = the whole "
          + "image at once (default: ${DEFAULT-VALUE}).")
  public int bgTile;

  @Option(names = "--face-upsample",
      description = "Also upsample the restored faces with Real-ESRGAN before pasting them (sharper faces at "
          + "-s 2 and above); without --bg-upsampler only the faces are upsampled.")
  public boolean faceUpsample;

  @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ImageRestorer.DEFAULT_MAX_PIXELS,
      description = "Refuse input images with more pixels than this, checked before decoding "
          + "(default: ${DEFAULT-VALUE}).")
  public long maxPixels;

  /** The frame options for these flags and CodeFormer's fidelity {@code w}. */
  public FrameOptions options(double fidelity) {
    try {
      return FrameOptions.of(fidelity, upscale, onlyCenterFace, !noParse, drawBox, faceUpsample, bgUpsampler);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Sets these options, the saved-faces folder and the pixel limit on {@code builder}. */
  public ImageRestorer.Builder applyTo(ImageRestorer.Builder builder, double fidelity) {
    if (maxPixels < 1) {
      throw new ParameterException(spec.commandLine(), "--max-pixels must be at least 1, got " + maxPixels);
    }
    bgTile();
    return builder.options(options(fidelity)).saveFaces(saveFaces).maxPixels(maxPixels);
  }

  public Path saveFaces() {
    return saveFaces;
  }

  /** The upsampler's tile size (0 = untiled); a negative value is a usage error. */
  public int bgTile() {
    if (bgTile < 0) {
      throw new ParameterException(spec.commandLine(), "--bg-tile must be 0 (no tiling) or more, got " + bgTile);
    }
    return bgTile;
  }

  public long maxPixels() {
    return maxPixels;
  }
}
