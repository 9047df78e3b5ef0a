package io.restorevideo.cli;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.api.FaceModels;
import io.restorevideo.nn.Precision;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.PngHeader;
import io.restorevideo.testutil.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restore-video photo.png out.png} through the command line with the tiny networks: whole images,
 * saved faces, background and face upsampling, JSON, folders, and each bad input of issue 4.
 */
class RestoreImageCommandTest {
  @TempDir Path dir;
  private Path group;
  private List<String> models;

  @BeforeEach
  void setUp() {
    group = TinyModels.copy("/golden/align-paste/group.png", dir.resolve("in"));
    models = TinyModels.cliArgs(dir.resolve("weights"));
  }

  private CliRun run(Path in, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of(in.toString(), out.toString(), "-w", "0.7", "--offline",
        "--model-dir", dir.resolve("cache").toString()));
    args.addAll(models);
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }

  private static List<String> warnings(String err) {
    // --weights ROLE=PATH warns once per role that the file is not the registry's; those are not the image's
    return err.lines().filter(l -> l.contains("warning") && !l.contains("using your own weights")).toList();
  }

  private static List<Path> files(Path d) throws IOException {
    if (!Files.exists(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(d)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static byte[] pixels(Mat m) {
    byte[] b = new byte[m.rows() * m.cols() * 3];
    m.data().get(b);
    return b;
  }

  /** Pixels (x, y) of a 1920x1080 output farther than 100 px from every face box (boxes in input pixels). */
  private static boolean[] awayFromFaces(JsonArray faces, int w, int h) {
    boolean[] away = new boolean[w * h];
    java.util.Arrays.fill(away, true);
    for (var f : faces) {
      JsonArray box = f.getAsJsonObject().getAsJsonArray("box");
      int x1 = (int) (box.get(0).getAsFloat() * 2) - 100;
      int y1 = (int) (box.get(1).getAsFloat() * 2) - 100;
      int x2 = (int) (box.get(2).getAsFloat() * 2) + 100;
      int y2 = (int) (box.get(3).getAsFloat() * 2) + 100;
      for (int y = Math.max(0, y1); y < Math.min(h, y2); y++) {
        for (int x = Math.max(0, x1); x < Math.min(w, x2); x++) {
          away[y * w + x] = false;
        }
      }
    }
    return away;
  }

  /** Mean absolute difference over the pixels where {@code mask} is set, and how many of them there are. */
  private static double[] meanDiff(byte[] a, byte[] b, boolean[] mask) {
    double sum = 0;
    long n = 0;
    for (int p = 0; p < mask.length; p++) {
      if (mask[p]) {
        for (int c = 0; c < 3; c++) {
          sum += Math.abs((a[3 * p + c] & 0xff) - (b[3 * p + c] & 0xff));
        }
        n++;
      }
    }
    return new double[] {sum / (3.0 * n), n};
  }

  private static Mat plainResize(Path image) {
    Mat in = imread(image.toString(), IMREAD_COLOR);
    Mat out = new Mat();
    try (in; Size size = new Size(in.cols() * 2, in.rows() * 2)) {
      resize(in, out, size, 0, 0, INTER_LINEAR);
    }
    return out;
  }

  @Test
  void restoresEveryFaceOfAWholeImageAndSavesThem() throws IOException {
    byte[] before = Files.readAllBytes(group);
    Path out = dir.resolve("out/group.png");
    Path faces = dir.resolve("faces");
    // the detecting tiny RetinaFace finds 38 "faces" in group.png; one keeps the test short on 2 cores
    CliRun r = run(group, out, "--only-center-face", "--save-faces", faces.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    try (Mat img = imread(out.toString(), IMREAD_COLOR)) {
      assertEquals(1920, img.cols());
      assertEquals(1080, img.rows());
    }
    JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
    JsonArray found = json.getAsJsonArray("faces");
    assertEquals(1, found.size(), r.out());
    assertEquals(1920, json.get("width").getAsInt());
    for (var f : found) {
      JsonArray box = f.getAsJsonObject().getAsJsonArray("box");
      assertTrue(box.get(2).getAsFloat() > box.get(0).getAsFloat() && box.get(0).getAsFloat() >= -1
          && box.get(2).getAsFloat() <= 961, "box in the input's pixels: " + box);
      assertTrue(f.getAsJsonObject().get("score").getAsFloat() > 0.8f);
    }
    assertEquals(List.of(), warnings(r.err()));
    List<Path> saved = files(faces);
    assertEquals(2 * found.size(), saved.size(), saved.toString());
    assertTrue(saved.contains(faces.resolve("cropped_faces/group_00.png")));
    assertTrue(saved.contains(faces.resolve("restored_faces/group_00.png")));
    for (Path p : saved) {
      try (Mat m = imread(p.toString(), IMREAD_COLOR)) {
        assertEquals(512, m.cols(), p.toString());
      }
    }
    try (Mat plain = plainResize(group); Mat got = imread(out.toString(), IMREAD_COLOR)) {
      boolean[] inFaces = awayFromFaces(found, 1920, 1080);
      for (int i = 0; i < inFaces.length; i++) {
        inFaces[i] = !inFaces[i];
      }
      assertTrue(meanDiff(pixels(plain), pixels(got), inFaces)[0] > 1, "the faces were pasted over the resize");
    }
    assertArrayEquals(before, Files.readAllBytes(group), "input unchanged");
  }

  @Test
  void backgroundUpsamplingDoublesTheSizeWithTheNetworksBackground() throws IOException {
    Path out = dir.resolve("up.png");
    CliRun r = run(group, out, "-s", "2", "--bg-upsampler", "realesrgan", "--no-parse", "--only-center-face",
        "--json");
    assertEquals(0, r.exit(), r.err());
    JsonArray found = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("faces");
    Mat network;
    try (FaceModels nets = new FaceModels(TinyModels.resolver(dir.resolve("ref")), new FaceModels.Settings("cpu",
        Precision.FP32, 1, TinyModels.CODEFORMER_HEADS, 0.8f, 400)); Mat in = imread(group.toString(), IMREAD_COLOR)) {
      network = nets.upsampler().upsample(in, 2);
    }
    try (network; Mat got = imread(out.toString(), IMREAD_COLOR); Mat plain = plainResize(group)) {
      assertEquals(1920, got.cols());
      assertEquals(1080, got.rows());
      assertEquals(1920, network.cols(), "the tiny x2 network gives the exact size, so no resize in between");
      boolean[] away = awayFromFaces(found, 1920, 1080);
      double[] vsNetwork = meanDiff(pixels(network), pixels(got), away);
      assertTrue(vsNetwork[1] > 100_000, "enough background to compare: " + vsNetwork[1]);
      assertEquals(0.0, vsNetwork[0], "the background is the network's output");
      assertTrue(meanDiff(pixels(plain), pixels(got), away)[0] > 5, "and not a plain resize");
    }
  }

  @Test
  void faceUpsampleChangesOnlyTheFaces() {
    Path plainOut = dir.resolve("plain.png");
    Path upOut = dir.resolve("faces-up.png");
    CliRun plain = run(group, plainOut, "--no-parse", "--only-center-face", "--json");
    assertEquals(0, plain.exit(), plain.err());
    CliRun up = run(group, upOut, "--no-parse", "--only-center-face", "--face-upsample");
    assertEquals(0, up.exit(), up.err());
    JsonArray found = JsonParser.parseString(plain.out()).getAsJsonObject().getAsJsonArray("faces");
    try (Mat a = imread(plainOut.toString(), IMREAD_COLOR); Mat b = imread(upOut.toString(), IMREAD_COLOR)) {
      assertEquals(a.cols(), b.cols());
      boolean[] away = awayFromFaces(found, 1920, 1080);
      assertEquals(0.0, meanDiff(pixels(a), pixels(b), away)[0],
          "without --bg-upsampler the background stays a plain resize, as the official face_upsampler");
      boolean[] faces = new boolean[away.length];
      for (int i = 0; i < away.length; i++) {
        faces[i] = !away[i];
      }
      assertTrue(meanDiff(pixels(a), pixels(b), faces)[0] > 0.5, "the pasted faces are the upsampled ones");
    }
  }

  @Test
  void anImageWithoutAFaceIsWrittenUpscaledWithOneWarning() throws IOException {
    Path flat = dir.resolve("in/flat.png");
    try (Mat m = new Mat(64, 96, CV_8UC3, new Scalar(0, 0, 0, 0))) {
      imwrite(flat.toString(), m);
    }
    Path out = dir.resolve("flat-out.png");
    // The test detector fires on any content (its scores are random); the golden RetinaFace's random landmarks
    // put every detection's eyes under the helper's 5 px, so with it no face survives: the no-face path.
    Path plain = TinyModels.copy("/golden/retinaface-mobile0.25/weights.pth", dir.resolve("plain-detector"));
    CliRun r = run(flat, out, "--weights", "detector=" + plain);
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("restore-video: warning: " + flat + ": no face found; the output is the input upscaled"),
        warnings(r.err()));
    try (Mat img = imread(out.toString(), IMREAD_COLOR)) {
      // read_image upsizes a 64-px-high input to 512 first (96 -> 768), then x2
      assertEquals(1536, img.cols());
      assertEquals(1024, img.rows());
    }
  }

  private void assertRefused(Path bad, String message) throws IOException {
    Path out = dir.resolve("out/result.png");
    CliRun r = run(bad, out);
    assertEquals(1, r.exit(), r.err());
    assertEquals("restore-video: " + bad + ": " + message, lastLine(r.err()));
    assertEquals(List.of(), files(dir.resolve("out")), "nothing at OUTPUT");
  }

  @Test
  void unreadableImageExitsOne() throws IOException {
    Path bad = Files.writeString(dir.resolve("in/photo.png"), "<html>not found</html>");
    assertRefused(bad, "not a PNG, JPEG or WebP image");
  }

  @Test
  void emptyFileExitsOne() throws IOException {
    Path bad = Files.write(dir.resolve("in/photo.jpg"), new byte[0]);
    assertRefused(bad, "empty file (0 bytes), not an image");
  }

  @Test
  void oneByOneImageExitsOne() throws IOException {
    Path bad = dir.resolve("in/dot.png");
    try (Mat dot = new Mat(1, 1, CV_8UC3, new Scalar(50.0))) {
      imwrite(bad.toString(), dot);
    }
    assertRefused(bad, "1x1 image is too small (each side must be at least 16 pixels)");
  }

  @Test
  void headerAboveThePixelLimitExitsOne() throws IOException {
    Path bad = dir.resolve("in/huge.png");
    PngHeader.write(bad, 20000, 20000);
    assertRefused(bad, "20000x20000 image has 400000000 pixels, above the limit of 100000000 (raise it with "
        + "--max-pixels)");
  }

  @Test
  void aFolderCarriesOnPastABadImageAndExitsOne() throws IOException {
    Path in = dir.resolve("in");
    Path bad = Files.writeString(in.resolve("broken.jpg"), "truncated");
    Files.writeString(in.resolve("notes.txt"), "not an image");
    Path out = dir.resolve("out");
    CliRun r = run(in, out, "--only-center-face", "--no-parse", "--json");
    assertEquals(1, r.exit(), r.err());
    assertEquals(List.of(out.resolve("group.png")), files(out), "the good image after the bad one is written");
    assertTrue(r.err().lines().anyMatch(l -> l.equals("restore-video: " + bad + ": not a PNG, JPEG or WebP image")),
        r.err());
    assertEquals("restore-video: " + in + ": 1 of 2 images failed (named above); the others were written to " + out,
        lastLine(r.err()));
    JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(1, json.getAsJsonArray("images").size());
    assertEquals(bad.toString(), json.getAsJsonArray("failed").get(0).getAsJsonObject().get("input").getAsString());
  }

  @Test
  void aPlainRunPrintsNothingOnStdout() {
    CliRun r = run(group, dir.resolve("quiet.png"), "--no-parse", "--only-center-face");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
