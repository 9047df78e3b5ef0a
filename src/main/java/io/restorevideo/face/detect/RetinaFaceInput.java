package io.restorevideo.face.detect;

import io.restorevideo.face.BgrBatch;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * {@code RetinaFace.detect_faces}'s preprocessing with {@code use_origin_size=True}: float32 pixels, BGR kept,
 * HWC to CHW, minus the per-channel mean (104, 117, 123); no scaling and no resizing.
 */
public final class RetinaFaceInput {
  private static final float[] MEAN_BGR = {104f, 117f, 123f};

  private RetinaFaceInput() {}

  /** (N, 3, H, W) float32 on {@code manager}, for same-size CV_8UC3 images. */
  public static NDArray of(List<Mat> bgr, NDManager manager) {
    NDArray u8 = BgrBatch.nhwc(bgr, manager);
    NDArray f = u8.toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    u8.close();
    NDArray nchw = f.transpose(0, 3, 1, 2);
    NDArray mean = manager.create(MEAN_BGR, new ai.djl.ndarray.types.Shape(1, 3, 1, 1));
    NDArray out = nchw.sub(mean);
    f.close();
    mean.close();
    return out;
  }
}
