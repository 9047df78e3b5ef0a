package io.restorevideo.api;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.detect.HelperDetection;
import io.restorevideo.nn.Precision;
import io.restorevideo.nn.codeformer.CodeFormerMode;
import io.restorevideo.restore.FaceBatchRestorer;
import io.restorevideo.testutil.CodeFormerVariants;
import io.restorevideo.models.Downloader;
import io.restorevideo.models.ModelRegistry;
import io.restorevideo.models.ModelResolver;
import io.restorevideo.models.ModelStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import io.restorevideo.testutil.ByteDiff;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real networks behind the face path's interfaces, from the tiny checkpoints. */
class FaceModelsTest {
  @TempDir Path dir;

  private FaceModels models(int batch) {
    return new FaceModels(TinyModels.resolver(dir), new FaceModels.Settings("cpu", Precision.FP32, batch,
        TinyModels.CODEFORMER_HEADS, 0.8f, 0));
  }

  @Test
  void restorerSplitsIntoBatchesWithTheSameResultAsOneCall() {
    Path face = TinyModels.copy("/golden/codeformer-tiny/face_aligned.png", dir);
    Mat a = imread(face.toString(), IMREAD_COLOR);
    Mat b = new Mat();
    opencv_core.flip(a, b, 1);
    List<Mat> faces = List.of(a, b, a);
    try (FaceModels one = models(3); FaceModels split = models(2)) {
      List<Mat> whole = one.restorer().restore(faces, 0.5);
      List<Mat> parts = split.restorer().restore(faces, 0.5);
      assertEquals(3, parts.size());
      for (int i = 0; i < 3; i++) {
        // batches of 2 + 1 versus 3: float reassociation may move a value by one level
        assertTrue(ByteDiff.of(bytes(whole.get(i)), bytes(parts.get(i))).max() <= 1, "face " + i);
      }
    }
  }

  @Test
  void theColorizeModeLoadsItsOwnRoleFixesWAndKeepsGrayFacesInColour() {
    Map<String, Path> roles = new LinkedHashMap<>(TinyModels.allRoles(dir));
    roles.put("codeformer-colorization", CodeFormerVariants.colorization(dir.resolve("colour.safetensors"), 5));
    ModelStore store = new ModelStore(ModelRegistry.load(), dir.resolve("cache"), null, true,
        Downloader.defaults(), null);
    FaceModels.Settings s = new FaceModels.Settings("cpu", Precision.FP32, 2, TinyModels.CODEFORMER_HEADS, 0.8f, 0,
        CodeFormerMode.COLORIZE);
    Mat a = imread(TinyModels.copy("/golden/codeformer-tiny/face_aligned.png", dir).toString(), IMREAD_COLOR);
    try (FaceModels m = new FaceModels(new ModelResolver(store, roles, null, line -> {}), s)) {
      FaceBatchRestorer r = m.restorer();
      assertFalse(r.grayInputStaysGray());
      // colorize runs at the script's w=0 whatever the caller asks for
      assertArrayEquals(bytes(r.restore(List.of(a), 0.0).get(0)), bytes(r.restore(List.of(a), 1.0).get(0)));
    }
    try (FaceModels restore = models(1)) {
      FaceBatchRestorer r = restore.restorer();
      assertTrue(r.grayInputStaysGray());
      assertFalse(Arrays.equals(bytes(r.restore(List.of(a), 0.0).get(0)), bytes(r.restore(List.of(a), 1.0).get(0))),
          "restore mode ignored w");
    }
  }

  @Test
  void theDetectingRetinaFaceFindsFacesThatPassTheHelpersFilters() {
    Path group = TinyModels.copy("/golden/align-paste/group.png", dir);
    Mat img = imread(group.toString(), IMREAD_COLOR);
    try (FaceModels m = models(1)) {
      List<DetectedFace> faces = HelperDetection.official(m.detector(), false).detect(img);
      assertFalse(faces.isEmpty(), "no face survived the helper's filters");
      for (DetectedFace f : faces) {
        double eyes = f.landmarks().eyeDistance();
        assertTrue(eyes >= 5, "eye distance " + eyes);
      }
    }
  }

  private static byte[] bytes(Mat m) {
    byte[] b = new byte[(int) (m.total() * m.channels())];
    m.data().get(b);
    return b;
  }

  @Test
  void maskerAndUpsamplerRun() {
    Path face = TinyModels.copy("/golden/codeformer-tiny/face_aligned.png", dir);
    Mat a = imread(face.toString(), IMREAD_COLOR);
    try (FaceModels m = models(1)) {
      Mat mask = m.masker().masks(List.of(a)).get(0);
      assertEquals(512, mask.rows());
      assertEquals(opencv_core.CV_64FC1, mask.type());
      Mat up = m.upsampler().upsample(a, 2);
      assertEquals(1024, up.cols());
      assertEquals(1024, up.rows());
    }
  }
}
