package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.restorevideo.testutil.ByteDiff;
import io.restorevideo.testutil.Ffmpeg;
import io.restorevideo.testutil.Npy;
import io.restorevideo.testutil.OfficialKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restore-video face.png out.png --has-aligned}: the result, folders, and the failures (exit 1). */
class RestoreAlignedCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(savedErr);
  }

  private static Path golden(String name) {
    try {
      return Path.of(RestoreAlignedCommandTest.class.getResource("/golden/codeformer-tiny/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private int run(Path in, Path out, Path weights, String... extra) {
    err.reset();
    String[] base = {in.toString(), out.toString(), "--has-aligned", "-w", "0.5", "--offline", "--model-dir",
        dir.resolve("models").toString(), "--weights", "codeformer=" + weights, "--codeformer-heads", "4"};
    String[] args = Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Main.run(args);
  }

  private String lastErrLine() {
    String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void restoresAnAlignedFaceAsTheOfficialCode() {
    Path out = dir.resolve("out.png");
    assertEquals(0, run(golden("face_aligned.png"), out, golden("weights.pth")), err.toString());
    Mat img = imread(out.toString(), IMREAD_COLOR);
    byte[] got = new byte[512 * 512 * 3];
    img.data().get(got);
    ByteDiff d = ByteDiff.of(Npy.resource("/golden/codeformer-tiny/restored_u8.npy").bytes(), got);
    assertTrue(d.withinOneLevelOnHalfPercent(), d.toString());
  }

  @Test
  void restoresAVideoOfAlignedFacesFrameByFrameAsTheOfficialCode() {
    Path in = dir.resolve("aligned.mkv");
    // lossless in and out (ffv1, packed BGR) so that each decoded frame can be held against the golden output
    Ffmpeg.run(dir, "-framerate", "5", "-loop", "1", "-i", golden("face_aligned.png").toString(), "-f", "lavfi",
        "-i", "sine=frequency=440:sample_rate=44100", "-frames:v", "3", "-t", "0.6", "-c:v", "ffv1", "-pix_fmt",
        "bgr0", "-c:a", "aac", in.toString());
    Path out = dir.resolve("out.mkv");
    // batch 2 on 3 frames: one batch spans two frames, the last one is flushed at the end of the stream
    assertEquals(0, run(in, out, golden("weights.pth"), "--batch-size", "2", "--video-codec", "ffv1", "--pix-fmt",
        "bgr0", "--quiet"), err.toString());
    assertEquals(Ffmpeg.videoFrameTimes(in), Ffmpeg.videoFrameTimes(out), "frame count and timestamps");
    assertEquals(Ffmpeg.audioPacketsMd5(in, 0), Ffmpeg.audioPacketsMd5(out, 0), "audio copied bit for bit");
    Ffmpeg.run(dir, "-i", out.toString(), "-f", "image2", dir.resolve("frame%d.png").toString());
    byte[] expected = Npy.resource("/golden/codeformer-tiny/restored_u8.npy").bytes();
    for (int i = 1; i <= 3; i++) {
      Mat img = imread(dir.resolve("frame" + i + ".png").toString(), IMREAD_COLOR);
      assertEquals(512, img.cols(), "frame " + i);
      byte[] got = new byte[512 * 512 * 3];
      img.data().get(got);
      ByteDiff d = ByteDiff.of(expected, got);
      assertTrue(d.withinOneLevelOnHalfPercent(), "frame " + i + ": " + d);
    }
  }

  @Test
  void restoresAFolderIntoAFolder() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(golden("face_aligned.png"), in.resolve("a.png"));
    Files.copy(golden("face_degraded.png"), in.resolve("b.png"));
    Files.writeString(in.resolve("notes.txt"), "not an image");
    Path out = dir.resolve("out");
    assertEquals(0, run(in, out, golden("weights.pth"), "--batch-size", "2"), err.toString());
    try (var files = Files.list(out)) {
      assertEquals(java.util.List.of("a.png", "b.png"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void truncatedCheckpointExitsOne() throws IOException {
    byte[] all = Files.readAllBytes(golden("weights.pth"));
    Path cut = Files.write(dir.resolve("cut.pth"), Arrays.copyOf(all, all.length - 100_000));
    assertEquals(1, run(golden("face_aligned.png"), dir.resolve("o.png"), cut));
    assertTrue(lastErrLine().startsWith("restore-video: " + cut + ": "), lastErrLine());
  }

  @Test
  void retinaFaceFileGivenAsCodeFormerExitsOne() {
    Path retina = OfficialKeys.writeRandom("detection_mobilenet0.25_Final.pth", dir.resolve("retina.safetensors"), 3);
    assertEquals(1, run(golden("face_aligned.png"), dir.resolve("o.png"), retina));
    assertEquals("restore-video: " + retina + ": not a CodeFormer checkpoint: missing key 'encoder.blocks.0.weight'",
        lastErrLine());
  }

  @Test
  void missingCheckpointExitsOne() {
    Path none = dir.resolve("nothing.pth");
    assertEquals(1, run(golden("face_aligned.png"), dir.resolve("o.png"), none));
    assertTrue(lastErrLine().startsWith("restore-video: " + none + ": "), lastErrLine());
  }

  @Test
  void unreadableInputImageExitsOne() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.png"), "no png");
    assertEquals(1, run(bad, dir.resolve("o.png"), golden("weights.pth")));
    assertEquals("restore-video: " + bad + ": not a PNG, JPEG or WebP image", lastErrLine());
  }
}
