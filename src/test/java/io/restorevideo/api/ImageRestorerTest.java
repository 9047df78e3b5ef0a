package io.restorevideo.api;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.restore.FaceBatchRestorer;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.pipeline.Fixtures;
import io.restorevideo.pipeline.GoldenDetector;
import io.restorevideo.pipeline.InvertingRestorer;
import io.restorevideo.testutil.PngHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-to-file restoration of still images: outputs, saved faces, warnings, bad inputs. */
class ImageRestorerTest {
  @TempDir Path dir;
  private Path in;
  private Path outDir;
  private InvertingRestorer restorer;

  @BeforeEach
  void setUp() throws IOException {
    in = Files.createDirectories(dir.resolve("in"));
    outDir = dir.resolve("out");
    try (Mat group = Fixtures.image("group.png")) {
      imwrite(in.resolve("group.png").toString(), group);
    }
    restorer = new InvertingRestorer();
  }

  private ImageRestorer restorer(GoldenDetector detector, FaceBatchRestorer network, Path saveFaces) {
    return ImageRestorer.builder().options(FaceRestoreOptions.builder().parse(false).build()).detector(detector)
        .restorer(network).saveFaces(saveFaces).build();
  }

  private static GoldenDetector bothFaces() {
    return new GoldenDetector(List.of(Fixtures.landmarks(0), Fixtures.landmarks(1)), 960, 540);
  }

  private static List<Path> files(Path d) throws IOException {
    if (!Files.exists(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(d)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void restoresAFileAsTheOfficialScriptAndSavesItsFaces() throws IOException {
    Path out = outDir.resolve("group.png");
    Path faces = dir.resolve("faces");
    ImageResult result;
    try (ImageRestorer r = restorer(bothFaces(), restorer, faces)) {
      result = r.restoreFile(in.resolve("group.png"), out);
    }
    assertEquals(2, result.facesFound());
    assertEquals(List.of(), result.warnings());
    assertEquals(1920, result.outputWidth());
    assertEquals(List.of(2), restorer.batchSizes);
    try (Mat written = imread(out.toString(), IMREAD_COLOR); Mat golden = Fixtures.image("pasted_up2.png")) {
      assertTrue(Fixtures.maxDiff(written, golden) <= 2);
    }
    // face 0's box holds its landmarks (x 182..213, y 161..189 in group.png)
    ImageResult.Face f0 = result.faces().get(0);
    assertTrue(f0.x1() < 182 && f0.x2() > 213 && f0.y1() < 161 && f0.y2() > 189, f0.toString());
    assertEquals(List.of(faces.resolve("cropped_faces/group_00.png"), faces.resolve("cropped_faces/group_01.png"),
        faces.resolve("restored_faces/group_00.png"), faces.resolve("restored_faces/group_01.png")), files(faces));
    for (int k = 0; k < 2; k++) {
      String name = "group_0" + k + ".png";
      try (Mat crop = imread(faces.resolve("cropped_faces/" + name).toString(), IMREAD_COLOR);
          Mat restored = imread(faces.resolve("restored_faces/" + name).toString(), IMREAD_COLOR);
          Mat golden = Fixtures.image("cropped_" + k + ".png");
          Mat inverted = new Mat();
          Mat white = new Mat(512, 512, CV_8UC3, new Scalar(255, 255, 255, 0))) {
        assertTrue(Fixtures.maxDiff(crop, golden) <= 3, "saved crop " + k);
        subtract(white, crop, inverted);
        assertEquals(0, Fixtures.maxDiff(restored, inverted), "saved restored face " + k);
      }
    }
    assertEquals(List.of(out), files(outDir), "no temporary file left");
  }

  @Test
  void imageWithoutAFaceIsWrittenUpscaledWithAWarning() throws IOException {
    Path out = outDir.resolve("group.jpg");
    Path src = in.resolve("group.png");
    ImageResult result;
    try (ImageRestorer r = restorer(new GoldenDetector(List.of(), 960, 540), restorer, null)) {
      result = r.restoreFile(src, outDir.resolve("group.png"));
      r.restoreFile(src, out);
    }
    assertEquals(0, result.facesFound());
    assertEquals(List.of(src + ": no face found; the output is the input upscaled"), result.warnings());
    try (Mat written = imread(outDir.resolve("group.png").toString(), IMREAD_COLOR);
        Mat group = Fixtures.image("group.png"); Mat expected = new Mat(); Size size = new Size(1920, 1080)) {
      resize(group, expected, size, 0, 0, INTER_LINEAR);
      assertEquals(0, Fixtures.maxDiff(written, expected));
    }
    byte[] jpeg = Files.readAllBytes(out);
    assertEquals(0xff, jpeg[0] & 0xff, "JPEG by extension (SOI marker)");
    assertEquals(0xd8, jpeg[1] & 0xff, "JPEG by extension (SOI marker)");
  }

  @Test
  void foldersMapEveryImageToTheSameName() throws IOException {
    try (Mat small = Fixtures.image("small_input.png")) {
      imwrite(in.resolve("b.jpg").toString(), small);
    }
    Files.writeString(in.resolve("notes.txt"), "not an image");
    List<ImageResult> results;
    try (ImageRestorer r = restorer(new GoldenDetector(List.of(), 960, 540), restorer, null)) {
      results = r.restoreFolder(in, outDir).results();
    }
    assertEquals(List.of(outDir.resolve("b.jpg"), outDir.resolve("group.png")), files(outDir));
    assertEquals(2, results.size());
    assertEquals(683 * 2, results.get(0).outputWidth(), "300-px-high input upsized to 512 first, then x2");
  }

  private void assertRefused(Path bad, String message) throws IOException {
    Path out = outDir.resolve("result.png");
    try (ImageRestorer r = restorer(bothFaces(), restorer, dir.resolve("faces"))) {
      UserException e = assertThrows(UserException.class, () -> r.restoreFile(bad, out));
      assertEquals(message, e.getMessage());
      assertEquals(1, e.getMessage().lines().count());
    }
    assertEquals(List.of(), files(outDir), "nothing written");
    assertEquals(List.of(), files(dir.resolve("faces")));
    assertTrue(restorer.batchSizes.isEmpty(), "refused before any work");
  }

  @Test
  void unreadableImageIsRefusedByName() throws IOException {
    Path bad = Files.writeString(in.resolve("photo.png"), "<html>not found</html>");
    assertRefused(bad, bad + ": not a PNG, JPEG or WebP image");
  }

  @Test
  void emptyFileIsRefusedByName() throws IOException {
    Path bad = Files.write(in.resolve("photo.jpg"), new byte[0]);
    assertRefused(bad, bad + ": empty file (0 bytes), not an image");
  }

  @Test
  void oneByOneImageIsRefusedByName() throws IOException {
    Path bad = in.resolve("dot.png");
    try (Mat dot = new Mat(1, 1, CV_8UC3, new Scalar(50.0))) {
      imwrite(bad.toString(), dot);
    }
    assertRefused(bad, bad + ": 1x1 image is too small (each side must be at least 16 pixels)");
  }

  @Test
  void hugeHeaderIsRefusedByName() throws IOException {
    Path bad = in.resolve("huge.png");
    PngHeader.write(bad, 20000, 20000);
    assertRefused(bad, bad + ": 20000x20000 image has 400000000 pixels, above the limit of 100000000 (raise it "
        + "with --max-pixels)");
  }

  @Test
  void missingInputIsRefusedByName() throws IOException {
    Path bad = in.resolve("nope.png");
    assertRefused(bad, bad + ": no such file");
  }

  @Test
  void aFailureMidwayLeavesNoOutput() throws IOException {
    FaceBatchRestorer failing = (crops, w) -> {
      throw new IllegalStateException("network failed");
    };
    Path out = outDir.resolve("group.png");
    try (ImageRestorer r = restorer(bothFaces(), failing, null)) {
      assertThrows(IllegalStateException.class, () -> r.restoreFile(in.resolve("group.png"), out));
    }
    assertEquals(List.of(), files(outDir));
  }

  @Test
  void writingOntoTheInputIsRefused() throws IOException {
    Path src = in.resolve("group.png");
    byte[] before = Files.readAllBytes(src);
    try (ImageRestorer r = restorer(bothFaces(), restorer, null)) {
      UserException e = assertThrows(UserException.class, () -> r.restoreFile(src, src));
      assertEquals(src + ": output is the input; choose another output path", e.getMessage());
      assertThrows(UserException.class, () -> r.restoreFolder(in, in));
    }
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(src)), "input unchanged");
  }
}
