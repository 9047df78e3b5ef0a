package io.restorevideo.face.detect;

import io.restorevideo.face.DetectedFace;
import ai.djl.ndarray.NDArray;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.restorevideo.nn.retinaface.RetinaFace;
import io.restorevideo.nn.retinaface.RetinaFaceOutput;
import io.restorevideo.weights.CheckpointReader;
import io.restorevideo.weights.StateDict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code RetinaFace.detect_faces(img, conf_threshold, nms_threshold)} on the image as given
 * ({@code use_origin_size=True}): mean subtraction, the network, priors, variance decode, threshold, NMS.
 * Scores are the raw confidences. Wrap it in {@link HelperDetection} for the helper's resize-640 flow.
 * Not thread-safe for concurrent calls on one instance's native memory; one detector per thread.
 */
public final class RetinaFaceDetector implements FaceDetector {
  private static final Logger LOG = LoggerFactory.getLogger(RetinaFaceDetector.class);

  private final NDManager manager;
  private final RetinaFace net;
  private final DetectionDecoder decoder;

  private RetinaFaceDetector(NDManager manager, RetinaFace net, DetectionDecoder decoder) {
    this.manager = manager;
    this.net = net;
    this.decoder = decoder;
  }

  /** A detector for a state dict already read, with the official thresholds 0.8 and 0.4. */
  public static RetinaFaceDetector load(StateDict dict) {
    return load(dict, DetectionDecoder.DEFAULT_CONF_THRESHOLD, DetectionDecoder.DEFAULT_NMS_THRESHOLD);
  }

  public static RetinaFaceDetector load(StateDict dict, float confThreshold, double nmsThreshold) {
    return load(dict, confThreshold, nmsThreshold, NDManager.newBaseManager());
  }

  /** With the official thresholds, on {@code device} rather than the engine's default one. */
  public static RetinaFaceDetector load(StateDict dict, Device device) {
    return load(dict, DetectionDecoder.DEFAULT_CONF_THRESHOLD, DetectionDecoder.DEFAULT_NMS_THRESHOLD,
        NDManager.newBaseManager(device));
  }

  private static RetinaFaceDetector load(StateDict dict, float confThreshold, double nmsThreshold,
      NDManager manager) {
    try {
      RetinaFace net = RetinaFace.load(dict, manager);
      LOG.debug("RetinaFace {} loaded from {}", net.kind(), dict.source());
      return new RetinaFaceDetector(manager, net, new DetectionDecoder(confThreshold, nmsThreshold));
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /**
   * Reads {@code detection_mobilenet0.25_Final.pth} or {@code detection_Resnet50_Final.pth} (or a file with
   * the same keys); a wrong file is a {@link io.restorevideo.weights.WeightsException} naming the first
   * missing or unexpected key.
   */
  public static RetinaFaceDetector load(Path checkpoint, float confThreshold, double nmsThreshold) {
    return load(CheckpointReader.read(checkpoint), confThreshold, nmsThreshold);
  }

  public RetinaFace.Kind kind() {
    return net.kind();
  }

  /** The raw head outputs for a prepared input ({@link RetinaFaceInput}), attached to the input's manager. */
  public RetinaFaceOutput heads(NDArray input) {
    return net.forward(input);
  }

  @Override
  public List<DetectedFace> detect(Mat bgr) {
    return detect(List.of(bgr)).get(0);
  }

  /** Detections for each of several same-size images, run as one batch. */
  public List<List<DetectedFace>> detect(List<Mat> bgr) {
    if (bgr.isEmpty()) {
      return List.of();
    }
    int h = bgr.get(0).rows();
    int w = bgr.get(0).cols();
    List<List<DetectedFace>> out = new ArrayList<>(bgr.size());
    try (NDManager batch = manager.newSubManager()) {
      NDArray x = RetinaFaceInput.of(bgr, batch);
      try (RetinaFaceOutput heads = net.forward(x)) {
        float[] loc = heads.loc().toFloatArray();
        float[] conf = heads.conf().toFloatArray();
        float[] landms = heads.landms().toFloatArray();
        int p = PriorBox.count(h, w);
        for (int i = 0; i < bgr.size(); i++) {
          out.add(decoder.decode(slice(loc, i, 4 * p), slice(conf, i, 2 * p), slice(landms, i, 10 * p), h, w));
        }
      }
    }
    return out;
  }

  private static float[] slice(float[] all, int image, int length) {
    float[] s = new float[length];
    System.arraycopy(all, image * length, s, 0, length);
    return s;
  }

  @Override
  public void close() {
    manager.close();
  }
}
