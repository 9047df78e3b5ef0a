package io.restorevideo.nn.codeformer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.restorevideo.nn.Params;
import io.restorevideo.nn.Precision;
import io.restorevideo.weights.CheckpointReader;
import io.restorevideo.weights.StateDict;
import io.restorevideo.weights.WeightsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores aligned 512x512 faces with CodeFormer, with the official pre- and post-processing
 * ({@code img2tensor} + normalise to [-1,1]; {@code tensor2img} with min_max (-1,1)). Owns the weights'
 * native memory: close it when done. One instance may be shared; calls are serialised.
 */
public final class CodeFormerRestorer implements AutoCloseable {
  /** The face size the network is trained on and the paste-back expects. */
  public static final int FACE_SIZE = 512;

  private static final Logger LOG = LoggerFactory.getLogger(CodeFormerRestorer.class);

  private final NDManager manager;
  private final CodeFormer net;
  private final CodeFormerMode mode;

  private CodeFormerRestorer(NDManager manager, CodeFormer net, CodeFormerMode mode) {
    this.manager = manager;
    this.net = net;
    this.mode = mode;
  }

  /**
   * Loads {@code checkpoint} (official {@code codeformer.pth} or any file of that structure) for
   * {@link CodeFormerMode#RESTORE}.
   *
   * @param device {@code cpu}, {@code gpu} or {@code gpu:N}
   * @param heads attention heads ({@link CodeFormerConfig#DEFAULT_HEADS} for the official file)
   * @throws WeightsException naming the file and the first missing/unexpected key or shape mismatch
   */
  public static CodeFormerRestorer load(Path checkpoint, String device, Precision precision, int heads) {
    return load(checkpoint, device, precision, heads, CodeFormerMode.RESTORE);
  }

  /**
   * Loads {@code checkpoint} for {@code mode}, whose script's settings {@link #restore} then applies.
   *
   * @throws WeightsException also when the file is another mode's network (connect list, codebook size)
   */
  public static CodeFormerRestorer load(Path checkpoint, String device, Precision precision, int heads,
      CodeFormerMode mode) {
    long t0 = System.nanoTime();
    StateDict dict = CheckpointReader.read(checkpoint);
    CodeFormerRestorer r = load(dict, device, precision, heads, mode);
    LOG.info("CodeFormer read and loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    return r;
  }

  /** Loads a state dict already in memory (a file read elsewhere, or {@code RandomWeights}) for restoration. */
  public static CodeFormerRestorer load(StateDict dict, String device, Precision precision, int heads) {
    return load(dict, device, precision, heads, CodeFormerMode.RESTORE);
  }

  /** Loads a state dict already in memory for {@code mode}. */
  public static CodeFormerRestorer load(StateDict dict, String device, Precision precision, int heads,
      CodeFormerMode mode) {
    Device dev = parseDevice(device);
    if (precision == Precision.FP16 && !dev.isGpu()) {
      throw new IllegalArgumentException("fp16 needs a GPU device (got " + device + "); use fp32 on the CPU");
    }
    mode.requireNetwork(CodeFormerConfig.infer(dict, heads), dict.source());
    NDManager manager = NDManager.newBaseManager(dev);
    try {
      CodeFormer net = CodeFormer.load(new Params(dict, manager, precision.dataType()), heads);
      LOG.info("CodeFormer ({}) loaded from {}: {} on {}", mode.cliName(), dict.source(), net.config(), dev);
      return new CodeFormerRestorer(manager, net, mode);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** {@code cpu}, {@code gpu}, {@code gpu:N} (also {@code cuda[:N]}). */
  public static Device parseDevice(String name) {
    String n = name.trim().toLowerCase(java.util.Locale.ROOT).replace("cuda", "gpu");
    if (n.equals("cpu")) {
      return Device.cpu();
    }
    if (n.equals("gpu")) {
      return Device.gpu();
    }
    if (n.matches("gpu:\\d+")) {
      return Device.gpu(Integer.parseInt(n.substring(4)));
    }
    throw new IllegalArgumentException("unknown device '" + name + "' (use cpu, gpu or gpu:N)");
  }

  public CodeFormer network() {
    return net;
  }

  public CodeFormerMode mode() {
    return mode;
  }

  /**
   * Restores each face (CV_8UC3 BGR, 512x512) in one batch; returns new CV_8UC3 BGR Mats in the same order.
   * The mode decides w and AdaIN as its script does; in inpaint mode only the pure white pixels change.
   *
   * @param w fidelity weight in [0, 1]: 0 = the codebook's face, 1 = closest to the input (restore mode only)
   */
  public synchronized List<Mat> restore(List<Mat> alignedBgr512, double w) {
    if (alignedBgr512.isEmpty()) {
      return List.of();
    }
    int n = alignedBgr512.size();
    int plane = FACE_SIZE * FACE_SIZE;
    float[] input = new float[n * 3 * plane];
    for (int i = 0; i < n; i++) {
      toTensor(alignedBgr512.get(i), input, i * 3 * plane);
    }
    try (NDManager call = manager.newSubManager()) {
      NDArray x = call.create(input, new Shape(n, 3, FACE_SIZE, FACE_SIZE));
      try (CodeFormerOutput out = net.forward(x, (float) mode.fidelity(w), mode.adain())) {
        float[] y = out.output().toType(DataType.FLOAT32, false).toFloatArray();
        List<Mat> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          if (mode.keepsUnmaskedPixels()) {
            InpaintMask.keepUnmasked(input, y, i * 3 * plane, plane);
          }
          result.add(toImage(y, i * 3 * plane));
        }
        return result;
      }
    }
  }

  /** BGR uint8 HWC to RGB CHW in [-1,1]: {@code float32(v/255)}, then {@code (x-0.5)/0.5} in float32. */
  static void toTensor(Mat bgr, float[] dst, int offset) {
    if (bgr.type() != opencv_core.CV_8UC3 || bgr.rows() != FACE_SIZE || bgr.cols() != FACE_SIZE) {
      throw new IllegalArgumentException("CodeFormer needs 512x512 CV_8UC3 faces, got " + bgr.cols() + "x"
          + bgr.rows() + " type " + bgr.type());
    }
    Mat m = bgr.isContinuous() ? bgr : bgr.clone();
    byte[] px = new byte[FACE_SIZE * FACE_SIZE * 3];
    m.data().get(px);
    int plane = FACE_SIZE * FACE_SIZE;
    for (int p = 0; p < plane; p++) {
      for (int c = 0; c < 3; c++) {
        float x = (float) ((px[p * 3 + 2 - c] & 0xff) / 255.0);
        dst[offset + c * plane + p] = (x - 0.5f) / 0.5f;
      }
    }
  }

  /** RGB CHW float to BGR uint8: clamp to [-1,1], (v+1)/2, *255, round half to even, as basicsr's tensor2img. */
  static Mat toImage(float[] src, int offset) {
    int plane = FACE_SIZE * FACE_SIZE;
    byte[] px = new byte[plane * 3];
    for (int p = 0; p < plane; p++) {
      for (int c = 0; c < 3; c++) {
        float v = Math.min(Math.max(src[offset + c * plane + p], -1f), 1f);
        float s = (v + 1f) / 2f * 255f;
        px[p * 3 + 2 - c] = (byte) (int) Math.rint(s);
      }
    }
    Mat m = new Mat(FACE_SIZE, FACE_SIZE, opencv_core.CV_8UC3);
    m.data().put(px);
    return m;
  }

  @Override
  public void close() {
    manager.close();
  }
}
