package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.GroupClip;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench pipeline CLIP}: the backbone alone, and with the face stages on stand-in networks. */
class BenchPipelineCommandTest {
  @TempDir Path dir;

  private static JsonObject json(CliRun r) {
    assertEquals(0, r.exit(), r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  @Test
  void backboneAloneReportsFramesStagesAndMemory() {
    Path clip = GroupClip.zoom(dir, "160x128", 12);
    JsonObject o = json(CliRun.of("bench", "pipeline", clip.toString(), "--ring-size", "8", "--json"));
    assertEquals(12, o.get("frames").getAsLong());
    assertEquals(8, o.get("ringSize").getAsInt());
    assertFalse(o.has("faces"), o.toString());
    assertTrue(o.getAsJsonObject("stageSeconds").has("encode"), o.toString());
    assertTrue(o.get("peakRssMiB").getAsDouble() > 0, o.toString());
  }

  @Test
  void standInFacesRunTheRealFaceStagesOnEveryFrame() {
    Path clip = GroupClip.zoom(dir, "160x128", 12);
    JsonObject o = json(CliRun.of("bench", "pipeline", clip.toString(), "--stand-in-faces", "--json"));
    JsonObject faces = o.getAsJsonObject("faces");
    assertEquals(12, faces.get("facesRestored").getAsLong(), o.toString());
    assertEquals(1, faces.get("tracks").getAsInt(), o.toString());
    // detector every 5th frame by default: frames 0, 5 and 10
    assertEquals(3, faces.get("keyframes").getAsLong(), o.toString());
    for (String stage : new String[] {"track", "restore", "composite"}) {
      assertTrue(o.getAsJsonObject("stageSeconds").has(stage), stage + " in " + o);
    }
  }

  @Test
  void fourStandInFacesMakeFourTracksRestoredOnEveryFrame() {
    Path clip = GroupClip.zoom(dir, "320x256", 12);
    JsonObject o = json(CliRun.of("bench", "pipeline", clip.toString(), "--stand-in-faces", "--faces", "4",
        "--json"));
    assertEquals(4, o.get("standInFacesPerFrame").getAsInt(), o.toString());
    JsonObject faces = o.getAsJsonObject("faces");
    assertEquals(4, faces.get("tracks").getAsInt(), o.toString());
    assertEquals(48, faces.get("facesRestored").getAsLong(), o.toString());
  }
}
