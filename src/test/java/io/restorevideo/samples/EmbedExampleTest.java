package io.restorevideo.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.api.FaceModels;
import io.restorevideo.api.JobSummary;
import io.restorevideo.nn.Precision;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.testutil.Ffmpeg;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** samples/EmbedExample runs as the walkthrough says, here with the tiny networks on a clip of group.png. */
class EmbedExampleTest {
  @TempDir Path dir;

  @Test
  void theLibraryRestoresAStreamOfJavaCvFramesInOrder() throws Exception {
    Path png = TinyModels.copy("/golden/align-paste/group.png", dir);
    Path in = dir.resolve("in.mp4");
    Ffmpeg.run(dir, "-loop", "1", "-i", png.toString(), "-vf", "scale=320:180,format=yuv420p", "-r", "10",
        "-frames:v", "8", "-c:v", "libx264", "-preset", "ultrafast", in.toString());
    Path out = dir.resolve("out.mp4");
    JobSummary.FaceSummary s = EmbedExample.run(in.toString(), out.toString(), TinyModels.resolver(dir),
        new FaceModels.Settings("cpu", Precision.FP32, 2, TinyModels.CODEFORMER_HEADS, 0.8f, 0),
        // the tiny detector finds dozens of faces; the centre one keeps the test fast
        FaceRestoreOptions.builder().upscale(1).onlyCenterFace(true).build());
    assertEquals(8, Ffmpeg.videoFrameTimes(out).size(), "every frame came out");
    assertTrue(s.facesRestored() > 0, s.toString());
    assertEquals(8, s.framesWithFaces(), "a still picture has its faces on every frame: " + s);
  }
}
