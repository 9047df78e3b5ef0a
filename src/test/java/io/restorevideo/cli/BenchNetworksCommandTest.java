package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.nn.DeviceChoice;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench codeformer|detector|jitter|upsampler}: arguments, table and JSON shape, on the golden tiny networks. */
class BenchNetworksCommandTest {
  @TempDir Path tmp;

  private static JsonObject json(CliRun r) {
    assertEquals(0, r.exit(), r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  @Test
  void codeformerJsonHasOneRowPerBatchSizeWithPositiveThroughput() {
    Path w = TinyModels.codeformer(tmp);
    JsonObject o = json(CliRun.of("bench", "codeformer", "--weights", "codeformer=" + w, "--codeformer-heads",
        "" + TinyModels.CODEFORMER_HEADS, "--device", "cpu", "--batch-sizes", "1,2", "--runs", "2", "--json",
        "--offline"));
    assertEquals("cpu", o.get("device").getAsString());
    assertEquals(false, o.get("randomWeights").getAsBoolean());
    JsonArray rows = o.getAsJsonArray("rows");
    assertEquals(2, rows.size());
    for (int i = 0; i < 2; i++) {
      JsonObject row = rows.get(i).getAsJsonObject();
      assertEquals(i + 1, row.get("batch").getAsInt());
      assertEquals("fp32", row.get("precision").getAsString());
      assertEquals(2, row.getAsJsonObject("seconds").get("runs").getAsInt());
      double median = row.getAsJsonObject("seconds").get("median").getAsDouble();
      assertEquals((i + 1) / median, row.get("facesPerSecond").getAsDouble(), 1e-9);
      assertTrue(row.get("memoryMiB").getAsDouble() > 0, row.toString());
    }
  }

  @Test
  void upsamplerTimesOneFrameAndReportsTheDoubledSize() {
    Path w = TinyModels.realesrganX2(tmp);
    JsonObject o = json(CliRun.of("bench", "upsampler", "--weights", "realesrgan=" + w, "--size", "48",
        "--bg-tile", "32", "--warmups", "0", "--runs", "2", "--json", "--offline"));
    assertEquals(2, o.get("scale").getAsInt());
    assertEquals(85, o.get("width").getAsInt());
    assertEquals(170, o.get("outWidth").getAsInt());
    assertEquals(96, o.get("outHeight").getAsInt());
    assertEquals(2, o.getAsJsonObject("seconds").get("runs").getAsInt());
    assertTrue(o.getAsJsonObject("seconds").get("median").getAsDouble() > 0, o.toString());
  }

  @Test
  void codeformerTableHasHeaderAndRowsAndNamesTheWeights() {
    Path w = TinyModels.codeformer(tmp);
    CliRun r = CliRun.of("bench", "codeformer", "--weights", "codeformer=" + w, "--codeformer-heads",
        "" + TinyModels.CODEFORMER_HEADS, "--device", "cpu", "--batch-sizes", "1", "--offline");
    assertEquals(0, r.exit(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].startsWith("CodeFormer on cpu, ") && lines[0].contains(w.toString()), r.out());
    assertTrue(lines[1].contains("faces/s") && lines[1].contains("ms/face"), r.out());
    assertTrue(lines[2].trim().startsWith("fp32") && lines[2].trim().split("\\s+")[1].equals("1"), r.out());
  }

  @Test
  void fp16OnTheCpuIsAUsageError() {
    CliRun r = CliRun.of("bench", "codeformer", "--random-weights", "--device", "cpu", "--precision", "fp16");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("fp16 needs a GPU"), r.err());
    CliRun restore = CliRun.of("--has-aligned", "--device", "cpu", "--precision", "fp16", tmp.toString(),
        tmp.resolve("out").toString());
    assertEquals(2, restore.exit(), restore.err());
    assertTrue(restore.err().contains("fp16 needs a GPU"), restore.err());
  }

  @Test
  void badBatchSizeIsAUsageError() {
    CliRun r = CliRun.of("bench", "codeformer", "--random-weights", "--device", "cpu", "--batch-sizes", "0");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--batch-sizes"), r.err());
  }

  @Test
  void autoResolvesToTheCpuWhenPyTorchSeesNoGpu() {
    Assumptions.assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0,
        "this machine has a CUDA device; auto picks it (checked by autoPicksTheGpu)");
    DeviceChoice c = DeviceChoice.resolve("auto");
    assertEquals("cpu", c.device());
    assertTrue(c.why().startsWith("device auto: cpu"), c.why());
  }

  @Test
  void autoPicksTheGpu() {
    Assumptions.assumeTrue(Engine.getEngine("PyTorch").getGpuCount() > 0,
        "GPU-only: PyTorch sees no CUDA device here (CPU libtorch or no driver); build with -Pcuda on a GPU");
    assertEquals("gpu", DeviceChoice.resolve("auto").device());
  }

  @Test
  void explicitDevicesPassThrough() {
    assertEquals("cpu", DeviceChoice.resolve("CPU").device());
    assertEquals("gpu:1", DeviceChoice.resolve("gpu:1").device());
  }

  @Test
  void detectorJsonWithOwnWeightsTimesThatOneDetector() {
    Path det = TinyModels.detectingRetinaFace(tmp);
    JsonObject o = json(CliRun.of("bench", "detector", "--weights", "detector=" + det, "--detector",
        "retinaface-mobile0.25", "--size", "64", "--runs", "2", "--json", "--offline"));
    assertEquals(64, o.get("shortSide").getAsInt());
    JsonArray rows = o.getAsJsonArray("rows");
    assertEquals(1, rows.size());
    JsonObject row = rows.get(0).getAsJsonObject();
    assertEquals("retinaface-mobile0.25", row.get("detector").getAsString());
    assertEquals(114, row.get("width").getAsInt());
    assertEquals(64, row.get("height").getAsInt());
    assertTrue(row.get("imagesPerSecond").getAsDouble() > 0);
  }

  @Test
  void randomWeightsAreLabelledInTheTable() {
    CliRun r = CliRun.of("bench", "detector", "--random-weights", "--size", "64", "--runs", "1", "--offline");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("retinaface-resnet50") && r.out().contains("retinaface-mobile0.25"), r.out());
    assertEquals(2, r.out().split("RANDOM weights", -1).length - 1, r.out());
  }

  @Test
  void jitterJsonHasTheThreeModesOnOneClip() {
    Path det = TinyModels.detectingRetinaFace(tmp);
    Path clip = tmp.resolve("clip.mp4");
    Ffmpeg.run(tmp, "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25", "-frames:v", "12", "-c:v", "libx264",
        "-pix_fmt", "yuv420p", clip.toString());
    JsonObject o = json(CliRun.of("bench", "jitter", clip.toString(), "--weights", "detector=" + det,
        "--detector", "retinaface-mobile0.25", "--frames", "10", "--json", "--offline"));
    assertEquals(10, o.get("frames").getAsLong());
    JsonArray rows = o.getAsJsonArray("rows");
    assertEquals(3, rows.size());
    JsonObject perFrame = rows.get(0).getAsJsonObject();
    assertEquals(1, perFrame.get("detectEvery").getAsInt());
    assertEquals(10, perFrame.get("keyframes").getAsLong());
    JsonObject smoothed = rows.get(2).getAsJsonObject();
    assertEquals(5, smoothed.get("detectEvery").getAsInt());
    assertEquals(0.5, smoothed.get("smoothing").getAsDouble());
    assertTrue(smoothed.get("keyframes").getAsLong() < 10, smoothed.toString());
  }
}
