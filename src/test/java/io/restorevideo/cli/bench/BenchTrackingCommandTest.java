package io.restorevideo.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restore-video bench tracking}: the tracker against a known camera path, on the group picture. */
class BenchTrackingCommandTest {
  /** Face 0 of group.png as the official detector places it (golden/align-paste/landmarks.npy). */
  private static final String FACE = "182.23,161.22,213.17,161.92,197.70,179.50,183.29,187.94,211.41,189.34";

  @TempDir Path dir;

  private JsonArray rows(String... extra) {
    Path png = TinyModels.copy("/golden/align-paste/group.png", dir);
    String[] base = {"bench", "tracking", png.toString(), "--landmarks", FACE, "--frames", "40", "--json"};
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    CliRun r = CliRun.of(args);
    assertEquals(0, r.exit(), r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("rows");
  }

  @Test
  void anExactDetectorOnEveryFrameHasNoErrorAndTheFlowKeepsTheFaceWithinAFewPercent() {
    JsonArray rows = rows("--noise", "0", "--detect-every", "1,5", "--smoothing", "0");
    JsonObject every = rows.get(0).getAsJsonObject();
    assertEquals(1.0, every.get("detectorCallsPerFrame").getAsDouble(), 1e-9);
    assertTrue(every.get("maxError").getAsDouble() < 1e-4, every.toString());
    JsonObject fifth = rows.get(1).getAsJsonObject();
    // frames 0, 5, ..., 35: 8 calls in 40 frames
    assertEquals(0.2, fifth.get("detectorCallsPerFrame").getAsDouble(), 1e-9);
    assertEquals(0, fifth.get("lostFrames").getAsLong(), fifth.toString());
    double err = fifth.get("maxError").getAsDouble();
    assertTrue(err > 0 && err < 0.05, "optical flow drift between keyframes: " + fifth);
  }

  @Test
  void smoothingLowersTheErrorOfANoisyDetector() {
    JsonArray rows = rows("--noise", "0.03", "--detect-every", "1", "--smoothing", "0,0.5");
    double raw = rows.get(0).getAsJsonObject().get("meanError").getAsDouble();
    double smoothed = rows.get(1).getAsJsonObject().get("meanError").getAsDouble();
    assertTrue(raw > 0.02, "noise 0.03 per coordinate shows: " + raw);
    assertTrue(smoothed < raw, smoothed + " < " + raw);
  }

  @Test
  void landmarksMustBeTenNumbers() {
    Path png = TinyModels.copy("/golden/align-paste/group.png", dir);
    CliRun r = CliRun.of("bench", "tracking", png.toString(), "--landmarks", "1,2,3");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--landmarks needs 10 numbers"), r.err());
  }
}
