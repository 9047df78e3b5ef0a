package io.restorevideo.cli;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.face.color.Grayscale;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.CodeFormerVariants;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --mode colorize|inpaint|restore} on aligned faces through the command line, with random networks
 * shaped like the official variants ({@link CodeFormerVariants}), and what each official script guarantees.
 */
class RestoreModesCommandTest {
  /** The white brush of the inpainting test: rows and columns [200, 320). */
  private static final int BRUSH_FROM = 200;
  private static final int BRUSH_TO = 320;

  @TempDir Path dir;

  private CliRun run(Path in, Path out, String mode, String role, Path weights, String... extra) {
    List<String> args = new ArrayList<>(List.of(in.toString(), out.toString(), "--has-aligned", "--mode", mode,
        "--offline", "--model-dir", dir.resolve("models").toString(), "--weights", role + "=" + weights,
        "--codeformer-heads", String.valueOf(TinyModels.CODEFORMER_HEADS)));
    args.addAll(Arrays.asList(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private Path face() {
    return TinyModels.copy("/golden/codeformer-tiny/face_aligned.png", dir);
  }

  private Path grayFace() {
    Mat colour = imread(face().toString(), IMREAD_COLOR);
    Mat gray = new Mat();
    Mat bgr = new Mat();
    cvtColor(colour, gray, COLOR_BGR2GRAY);
    cvtColor(gray, bgr, COLOR_GRAY2BGR);
    Path file = dir.resolve("gray.png");
    assertTrue(imwrite(file.toString(), bgr));
    return file;
  }

  private static Path otherFuseWeights(Path checkpoint, Path file) {
    return CodeFormerVariants.withOtherFusion(checkpoint, file, 99);
  }

  @Test
  void colorizeGivesAColourFaceForAGrayInputAndIgnoresTheFusionBlocks() {
    Path weights = CodeFormerVariants.colorization(dir.resolve("colorization.safetensors"), 7);
    Path gray = grayFace();
    Path out = dir.resolve("out.png");
    CliRun r = run(gray, out, "colorize", "codeformer-colorization", weights);
    assertEquals(0, r.exit(), r.err());
    Mat img = imread(out.toString(), IMREAD_COLOR);
    assertEquals(512, img.cols());
    assertEquals(512, img.rows());
    // The restore path would turn this face gray again; colorize must keep the network's colours.
    assertFalse(Grayscale.isGray(img, Grayscale.DEFAULT_THRESHOLD), "colorize returned a gray face");

    // w=0 (the script's constant): the fusion blocks are skipped, so their weights cannot matter.
    Path other = otherFuseWeights(weights, dir.resolve("colorization-other-fuse.safetensors"));
    Path out2 = dir.resolve("out2.png");
    CliRun r2 = run(gray, out2, "colorize", "codeformer-colorization", other, "-w", "0.9");
    assertEquals(0, r2.exit(), r2.err());
    assertTrue(r2.err().contains("-w is ignored in --mode colorize (its official script fixes w=0)"), r2.err());
    assertArrayEquals(bytes(img), bytes(imread(out2.toString(), IMREAD_COLOR)));
  }

  @Test
  void inpaintChangesOnlyThePureWhitePixelsAndFillsTheBrush() {
    Path weights = CodeFormerVariants.inpainting(dir.resolve("inpainting.safetensors"), 11);
    Mat masked = imread(face().toString(), IMREAD_COLOR);
    byte[] in = bytes(masked);
    for (int y = BRUSH_FROM; y < BRUSH_TO; y++) {
      for (int x = BRUSH_FROM; x < BRUSH_TO; x++) {
        Arrays.fill(in, (y * 512 + x) * 3, (y * 512 + x) * 3 + 3, (byte) 255);
      }
    }
    // One almost-white pixel: (254, 255, 255) is not masked.
    in[(10 * 512 + 10) * 3] = (byte) 254;
    in[(10 * 512 + 10) * 3 + 1] = (byte) 255;
    in[(10 * 512 + 10) * 3 + 2] = (byte) 255;
    masked.data().put(in);
    Path input = dir.resolve("masked.png");
    assertTrue(imwrite(input.toString(), masked));

    Path out = dir.resolve("filled.png");
    CliRun r = run(input, out, "inpaint", "codeformer-inpainting", weights);
    assertEquals(0, r.exit(), r.err());
    byte[] got = bytes(imread(out.toString(), IMREAD_COLOR));
    assertEquals(in.length, got.length);
    int changedInside = 0;
    for (int p = 0; p < 512 * 512; p++) {
      // The official mask is every pure white pixel of the input (the face may have some besides the brush).
      boolean white = in[p * 3] == (byte) 255 && in[p * 3 + 1] == (byte) 255 && in[p * 3 + 2] == (byte) 255;
      for (int c = 0; c < 3; c++) {
        if (!white) {
          assertEquals(in[p * 3 + c], got[p * 3 + c], "a non-white pixel changed at " + p % 512 + "," + p / 512);
        } else if (got[p * 3 + c] != (byte) 255) {
          changedInside++;
        }
      }
    }
    assertTrue(changedInside > 1000, "the brush was not filled: " + changedInside + " values changed");

    // w=1: unlike colorize, the fusion blocks shape the filled pixels.
    Path other = otherFuseWeights(weights, dir.resolve("inpainting-other-fuse.safetensors"));
    Path out2 = dir.resolve("filled2.png");
    assertEquals(0, run(input, out2, "inpaint", "codeformer-inpainting", other).exit());
    assertFalse(Arrays.equals(got, bytes(imread(out2.toString(), IMREAD_COLOR))),
        "inpainting did not use the fusion blocks (w=1)");
  }

  @Test
  void restoreMakesTheFaceOfAGrayInputGrayWithTheInputsBrightness() {
    Path gray = grayFace();
    Path out = dir.resolve("restored.png");
    CliRun r = run(gray, out, "restore", "codeformer", TinyModels.codeformer(dir), "-w", "0.5");
    assertEquals(0, r.exit(), r.err());
    byte[] in = bytes(imread(gray.toString(), IMREAD_COLOR));
    byte[] got = bytes(imread(out.toString(), IMREAD_COLOR));
    for (int p = 0; p < got.length; p += 3) {
      assertTrue(got[p] == got[p + 1] && got[p + 1] == got[p + 2], "pixel " + p / 3 + " is not gray");
    }
    // adain to the input crop: the mean level is the input's (never the all-black face of the overflow).
    assertEquals(mean(in), mean(got), 2.0);
    assertTrue(mean(got) > 20, "mean level " + mean(got));
  }

  @Test
  void inpaintWithoutHasAlignedIsAUsageError() {
    CliRun r = CliRun.of(face().toString(), dir.resolve("o.png").toString(), "--mode", "inpaint");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--mode inpaint needs --has-aligned"), r.err());
  }

  @Test
  void anUnknownModeIsAUsageError() {
    CliRun r = CliRun.of(face().toString(), dir.resolve("o.png").toString(), "--has-aligned", "--mode", "sharpen");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("unknown mode 'sharpen' (use restore, colorize or inpaint)"), r.err());
  }

  @Test
  void anotherModesCheckpointIsNamedInOneLine() {
    Path restoreNet = TinyModels.codeformer(dir);
    CliRun r = run(face(), dir.resolve("o.png"), "colorize", "codeformer-colorization", restoreNet);
    assertEquals(1, r.exit(), r.err());
    String line = lastLine(r.err());
    assertTrue(line.contains(restoreNet + ": not a codeformer-colorization checkpoint for --mode colorize"), line);
    assertTrue(line.contains("looks like a codeformer checkpoint (--mode restore)"), line);

    Path inpainting = CodeFormerVariants.inpainting(dir.resolve("inpainting.safetensors"), 3);
    CliRun r2 = run(face(), dir.resolve("o.png"), "colorize", "codeformer-colorization", inpainting);
    assertEquals(1, r2.exit(), r2.err());
    assertTrue(lastLine(r2.err()).contains("looks like a codeformer-inpainting checkpoint (--mode inpaint)"),
        r2.err());

    Path colorization = CodeFormerVariants.colorization(dir.resolve("colorization.safetensors"), 3);
    CliRun r3 = run(face(), dir.resolve("o.png"), "restore", "codeformer", colorization);
    assertEquals(1, r3.exit(), r3.err());
    assertTrue(lastLine(r3.err()).contains("not a codeformer checkpoint for --mode restore"), r3.err());
    assertFalse(Files.exists(dir.resolve("o.png")));
  }

  @Test
  void inpaintRefusesAFaceThatIsNot512() {
    Mat small = new Mat();
    org.bytedeco.opencv.global.opencv_imgproc.resize(imread(face().toString(), IMREAD_COLOR), small,
        new org.bytedeco.opencv.opencv_core.Size(256, 256));
    Path in = dir.resolve("small.png");
    assertTrue(imwrite(in.toString(), small));
    Path weights = CodeFormerVariants.inpainting(dir.resolve("inpainting.safetensors"), 5);
    CliRun r = run(in, dir.resolve("o.png"), "inpaint", "codeformer-inpainting", weights);
    assertEquals(1, r.exit(), r.err());
    assertTrue(lastLine(r.err()).contains(in + ": 256x256 image; --mode inpaint needs aligned faces of exactly "
        + "512x512"), r.err());
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\n");
    return lines[lines.length - 1];
  }

  private static double mean(byte[] b) {
    double sum = 0;
    for (byte v : b) {
      sum += v & 0xff;
    }
    return sum / b.length;
  }

  private static byte[] bytes(Mat m) {
    byte[] b = new byte[(int) (m.total() * m.channels())];
    m.data().get(b);
    return b;
  }
}
