package io.restorevideo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

/** The three native runtimes start offline on this platform. */
class NativeRuntimeSmokeTest {
  @Test
  void djlPytorchComputesOffline() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {1, 2, 3});
      assertArrayEquals(new float[] {2, 4, 6}, a.mul(2).toFloatArray());
    }
  }

  @Test
  void ffmpegExecutableShips() {
    String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    assertTrue(Files.isExecutable(Path.of(ffmpeg)), ffmpeg);
  }

  @Test
  void opencvLoads() {
    try (org.bytedeco.opencv.opencv_core.Mat m = new org.bytedeco.opencv.opencv_core.Mat(2, 2, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
      assertTrue(m.total() == 4);
    }
  }
}
