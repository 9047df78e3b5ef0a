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

/** {@code bench networks}: the picked networks, one JSON row each, on cheap weights. */
class BenchNetworksTest {
  @TempDir Path tmp;

  private static JsonArray rows(CliRun r) {
    assertEquals(0, r.exit(), r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("rows");
  }

  @Test
  void randomMobileNetDetectorGivesOneRowWithItsRuns() {
    JsonArray rows = rows(CliRun.of("bench", "networks", "--random-weights", "--networks",
        "retinaface-mobile0.25", "--device", "cpu", "--warmups", "0", "--runs", "2", "--json", "--offline"));
    assertEquals(1, rows.size());
    JsonObject row = rows.get(0).getAsJsonObject();
    assertEquals("retinaface-mobile0.25", row.get("network").getAsString());
    assertEquals("fp32", row.get("precision").getAsString());
    assertTrue(row.get("weights").getAsString().startsWith("random weights"), row.toString());
    assertTrue(row.get("input").getAsString().contains("1138x640"), row.toString());
    JsonObject s = row.getAsJsonObject("seconds");
    assertEquals(2, s.get("runs").getAsInt());
    assertTrue(s.get("median").getAsDouble() > 0 && s.get("min").getAsDouble() <= s.get("median").getAsDouble(),
        s.toString());
  }

  @Test
  void ownCodeFormerWeightsAreTimedOnOneFace() {
    Path w = TinyModels.codeformer(tmp);
    JsonArray rows = rows(CliRun.of("bench", "networks", "--networks", "codeformer", "--weights",
        "codeformer=" + w, "--codeformer-heads", "" + TinyModels.CODEFORMER_HEADS, "--device", "cpu",
        "--warmups", "0", "--runs", "1", "--json", "--offline"));
    assertEquals(1, rows.size());
    JsonObject row = rows.get(0).getAsJsonObject();
    assertEquals("codeformer", row.get("network").getAsString());
    assertEquals(w.toString(), row.get("weights").getAsString());
    assertTrue(row.getAsJsonObject("seconds").get("median").getAsDouble() > 0, row.toString());
  }

  @Test
  void unknownNetworkIsAUsageErrorNamingTheKnownOnes() {
    CliRun r = CliRun.of("bench", "networks", "--random-weights", "--networks", "codeformer,gfpgan",
        "--device", "cpu");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("unknown network 'gfpgan'") && r.err().contains("realesrgan-x2"), r.err());
  }
}
