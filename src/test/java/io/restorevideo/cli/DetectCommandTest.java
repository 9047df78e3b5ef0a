package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.api.FaceDetection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest extends CapturedConsole {
  @TempDir Path dir;

  private int detect(Path image, String weightsResource, String... more) throws IOException {
    Path weights = copy(weightsResource);
    String[] base = {"detect", image.toString(), "--offline", "--model-dir", dir.resolve("models").toString(),
        "--detector", "retinaface-mobile0.25", "--weights", "detector=" + weights};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return run(args);
  }

  private Path copy(String resource) throws IOException {
    Path f = dir.resolve(Path.of(resource).getFileName().toString());
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.copy(in, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return f;
  }

  private static final String RETINA = "/golden/retinaface-mobile0.25/weights.pth";

  @Test
  void jsonOnAGroupPhotoFollowsTheHelper() throws IOException {
    Path group = copy("/golden/align-paste/group.png");
    assertEquals(0, detect(group, RETINA, "--json", "--threshold", "0.825"), err());
    JsonObject json = JsonParser.parseString(out()).getAsJsonObject();
    assertEquals(960, json.get("width").getAsInt());
    assertEquals(540, json.get("height").getAsInt());
    // the random-weight network finds six faces on the 640 copy, all with eyes under 5 px apart, which the
    // helper's eye-distance rule drops (golden README section 2)
    assertEquals(0, json.getAsJsonArray("faces").size());
    assertTrue(err().contains("using your own weights for detector"), err());
  }

  @Test
  void aSmallImageIsUpsizedAndReportedInItsOwnPixels() throws IOException {
    Path small = copy("/golden/align-paste/small_input.png");
    assertEquals(0, detect(small, RETINA), err());
    assertTrue(out().startsWith(small + ": 400x300, "), out.toString());
  }

  @Test
  void anEmptyFileIsOneLineAndExit1() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.png"));
    assertEquals(1, detect(empty, RETINA));
    assertEquals("restore-video: " + empty + ": empty file (0 bytes), not an image", err().strip());
  }

  @Test
  void anUnreadableImageIsOneLineAndExit1() throws IOException {
    Path bad = Files.writeString(dir.resolve("photo.jpg"), "not an image at all");
    assertEquals(1, detect(bad, RETINA));
    assertEquals("restore-video: " + bad + ": not a PNG, JPEG or WebP image", err().strip());
    assertEquals(1, detect(dir.resolve("missing.png"), RETINA));
    assertEquals("restore-video: " + dir.resolve("missing.png") + ": no such file", err().strip());
  }

  @Test
  void wrongWeightsAreOneLineAndExit1() throws IOException {
    Path group = copy("/golden/align-paste/group.png");
    assertEquals(1, detect(group, "/golden/parsenet-tiny/weights.pth"));
    String e = err().strip();
    assertTrue(e.startsWith("restore-video: ") && e.contains("weights.pth: not a RetinaFace checkpoint"), e);
    // the own-weights warning, then exactly one error line
    assertEquals(1, e.lines().filter(l -> !l.startsWith("restore-video: warning: ")).count(), e);
  }

  @Test
  void aThresholdOutsideTheUnitIntervalIsAUsageError() throws IOException {
    Path group = copy("/golden/align-paste/group.png");
    assertEquals(2, detect(group, RETINA, "--threshold", "1.5"));
    assertTrue(err().contains("--threshold must be in [0, 1)"), err());
  }

  @Test
  void reportsPrintBoxesRawScoresAndNamedLandmarks() {
    FaceDetection.Face f = new FaceDetection.Face(10.5f, 20f, 110f, 140.25f, 0.9375f,
        new float[] {40, 60, 80, 61, 60, 90, 45, 110, 75, 111});
    FaceDetection.Result found = new FaceDetection.Result(200, 150, List.of(f));
    JsonObject json = JsonParser.parseString(DetectionReport.json("a.png", found)).getAsJsonObject();
    JsonObject face = json.getAsJsonArray("faces").get(0).getAsJsonObject();
    JsonArray box = face.getAsJsonArray("box");
    assertEquals(10.5f, box.get(0).getAsFloat());
    assertEquals(140.25f, box.get(3).getAsFloat());
    assertEquals(0.9375f, face.get("score").getAsFloat());
    assertEquals(111f, face.getAsJsonObject("landmarks").getAsJsonArray("mouth_right").get(1).getAsFloat());
    assertEquals(80f, face.getAsJsonObject("landmarks").getAsJsonArray("right_eye").get(0).getAsFloat());
    assertEquals("a.png: 200x150, 1 face\nface 0: box 10.50 20.00 110.00 140.25 score 0.93750 landmarks"
        + " 40.00,60.00 80.00,61.00 60.00,90.00 45.00,110.00 75.00,111.00\n",
        DetectionReport.text("a.png", found).replace(System.lineSeparator(), "\n"));
  }
}
