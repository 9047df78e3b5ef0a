package io.restorevideo.face.paste;

import io.restorevideo.face.BgrBatch;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.djl.ndarray.NDArray;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.restorevideo.nn.parsenet.ParseNet;
import io.restorevideo.weights.CheckpointReader;
import io.restorevideo.weights.StateDict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The parse-mask block of {@code paste_faces_to_input_image}: a restored face (CV_8UC3 BGR) resized to 512x512
 * (INTER_LINEAR), {@code /255} in float32, BGR to RGB, {@code (x - 0.5) / 0.5}, ParseNet, and
 * {@link ParseMask} on the argmax of its first output. Faces are run as one batch.
 */
public final class FaceParser implements AutoCloseable {
  /** ParseNet's input and output size in the helper. */
  public static final int SIZE = 512;

  private final NDManager manager;
  private final ParseNet net;

  private FaceParser(NDManager manager, ParseNet net) {
    this.manager = manager;
    this.net = net;
  }

  public static FaceParser load(StateDict dict) {
    return load(dict, NDManager.newBaseManager());
  }

  /** On {@code device} rather than the engine's default one (benchmarks pick it). */
  public static FaceParser load(StateDict dict, Device device) {
    return load(dict, NDManager.newBaseManager(device));
  }

  private static FaceParser load(StateDict dict, NDManager manager) {
    try {
      return new FaceParser(manager, ParseNet.load(dict, manager));
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** Reads {@code parsing_parsenet.pth}; a wrong file names the first missing or unexpected key. */
  public static FaceParser load(Path checkpoint) {
    return load(CheckpointReader.read(checkpoint));
  }

  /** The network's input for these faces: (N, 3, 512, 512) float32 RGB in [-1, 1]. */
  public NDArray input(List<Mat> faces, NDManager target) {
    List<Mat> resized = new ArrayList<>(faces.size());
    try {
      for (Mat f : faces) {
        resized.add(to512(f));
      }
      NDArray u8 = BgrBatch.nhwc(resized, target);
      NDArray x = u8.toType(DataType.FLOAT32, false).div(255f);
      // BGR -> RGB: reverse the channel axis of NHWC, then to NCHW
      NDArray rgb = x.flip(3).transpose(0, 3, 1, 2);
      return rgb.sub(0.5f).div(0.5f);
    } finally {
      for (int i = 0; i < resized.size(); i++) {
        if (resized.get(i) != faces.get(i)) {
          resized.get(i).close();
        }
      }
    }
  }

  /** ParseNet's {@code out_mask} logits (N, 19, 512, 512) as a flat array, for each face in order. */
  public float[] logits(List<Mat> faces) {
    try (NDManager batch = manager.newSubManager()) {
      return net.forward(input(faces, batch)).toFloatArray();
    }
  }

  /** The helper's blurred parse mask (CV_64FC1, 512x512, values in [0, 1]) of each face. */
  public List<Mat> masks(List<Mat> faces) {
    if (faces.isEmpty()) {
      return List.of();
    }
    float[] all = logits(faces);
    int c = (int) net.classes();
    int per = c * SIZE * SIZE;
    List<Mat> out = new ArrayList<>(faces.size());
    for (int i = 0; i < faces.size(); i++) {
      float[] one = new float[per];
      System.arraycopy(all, i * per, one, 0, per);
      out.add(ParseMask.fromLogits(one, c, SIZE, SIZE));
    }
    return out;
  }

  public Mat mask(Mat face) {
    return masks(List.of(face)).get(0);
  }

  private static Mat to512(Mat face) {
    if (face.rows() == SIZE && face.cols() == SIZE) {
      return face;
    }
    Mat out = new Mat();
    try (Size s = new Size(SIZE, SIZE)) {
      resize(face, out, s, 0, 0, INTER_LINEAR);
    }
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
