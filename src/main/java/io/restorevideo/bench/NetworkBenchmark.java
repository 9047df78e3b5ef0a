package io.restorevideo.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.restorevideo.face.detect.RetinaFaceDetector;
import io.restorevideo.face.paste.FaceParser;
import io.restorevideo.nn.Precision;
import io.restorevideo.nn.codeformer.CodeFormerRestorer;
import io.restorevideo.nn.rrdbnet.RrdbNet;
import io.restorevideo.nn.rrdbnet.TiledUpsampler;
import io.restorevideo.weights.StateDict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seconds per call of each network the tool runs, on the input the job gives it: CodeFormer on one 512x512
 * face, ParseNet on one restored face (with its mask), RetinaFace on a 16:9 frame of short side 640 (the
 * helper's resize), Real-ESRGAN x2 on one 400 px tile (the official tile size). Each network gets untimed
 * warm-up calls, then timed ones; the row carries min and median. Same inputs as the official code's calls,
 * so the medians compare with it per call.
 */
public final class NetworkBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(NetworkBenchmark.class);

  /** The networks, by the model name the registry gives them. */
  public enum Network {
    CODEFORMER("codeformer", true),
    PARSENET("parsenet", false),
    RETINAFACE_RESNET50("retinaface-resnet50", false),
    RETINAFACE_MOBILE("retinaface-mobile0.25", false),
    REALESRGAN_X2("realesrgan-x2", true);

    private final String modelName;
    private final boolean halfPorted;

    Network(String modelName, boolean halfPorted) {
      this.modelName = modelName;
      this.halfPorted = halfPorted;
    }

    public String modelName() {
      return modelName;
    }

    /** Whether the port runs at fp16 (the others are fp32 only). */
    public boolean runsAt(Precision p) {
      return p == Precision.FP32 || halfPorted;
    }

    public static Network of(String name) {
      for (Network n : values()) {
        if (n.modelName.equalsIgnoreCase(name.trim())) {
          return n;
        }
      }
      throw new IllegalArgumentException("unknown network '" + name + "' (known: " + Arrays.stream(values())
          .map(Network::modelName).toList() + ")");
    }
  }

  /** One network's timings; {@code input} says what one call gets. */
  public record Row(String network, String input, String precision, String device, String weights,
      Timings seconds) {}

  public record Report(String device, int warmups, int runs, int heads, double peakRssMiB, List<Row> rows) {}

  /** One call of a loaded network on its fixed input. */
  private interface Call extends AutoCloseable {
    String input();

    void once();

    @Override
    void close();
  }

  private NetworkBenchmark() {}

  /**
   * @param dicts the weights of each network to time, in report order
   * @param heads attention heads of the CodeFormer checkpoint
   */
  public static Report run(Map<Network, StateDict> dicts, String device, Precision precision, int warmups,
      int runs, int heads) {
    if (runs < 1 || warmups < 0) {
      throw new IllegalArgumentException("need runs >= 1 and warm-ups >= 0, got " + runs + ", " + warmups);
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Network, StateDict> e : dicts.entrySet()) {
      Network n = e.getKey();
      if (!n.runsAt(precision)) {
        LOG.warn("{}: skipped at {} (the port runs at fp32 only)", n.modelName(), precision);
        continue;
      }
      try (Call call = load(n, e.getValue(), device, precision, heads)) {
        for (int i = 0; i < warmups; i++) {
          call.once();
        }
        double[] s = new double[runs];
        for (int r = 0; r < runs; r++) {
          long t0 = System.nanoTime();
          call.once();
          s[r] = (System.nanoTime() - t0) / 1e9;
          LOG.info("{} run {}: {} s", n.modelName(), r + 1, String.format(Locale.ROOT, "%.3f", s[r]));
        }
        rows.add(new Row(n.modelName(), call.input(), precision.name().toLowerCase(Locale.ROOT), device,
            e.getValue().source(), Timings.of(s)));
      }
    }
    return new Report(device, warmups, runs, heads, PeakMemory.rssMiB(), rows);
  }

  private static Call load(Network n, StateDict dict, String device, Precision precision, int heads) {
    Device dev = CodeFormerRestorer.parseDevice(device);
    return switch (n) {
      case CODEFORMER -> codeformer(CodeFormerRestorer.load(dict, device, precision, heads));
      case PARSENET -> parsenet(FaceParser.load(dict, dev));
      case RETINAFACE_RESNET50, RETINAFACE_MOBILE -> retinaface(RetinaFaceDetector.load(dict, dev));
      case REALESRGAN_X2 -> realesrgan(dict, dev, precision);
    };
  }

  private static Call codeformer(CodeFormerRestorer net) {
    Mat face = CodeFormerBenchmark.faces(1).get(0);
    return call("one 512x512 face, w 0.5", () -> net.restore(List.of(face), 0.5).forEach(Mat::close), () -> {
      face.close();
      net.close();
    });
  }

  private static Call parsenet(FaceParser parser) {
    Mat face = CodeFormerBenchmark.faces(1).get(0);
    return call("one 512x512 face, logits to paste mask", () -> parser.masks(List.of(face)).forEach(Mat::close),
        () -> {
          face.close();
          parser.close();
        });
  }

  private static Call retinaface(RetinaFaceDetector det) {
    Mat frame = DetectorBenchmark.gradient(1138, 640);
    return call("one 1138x640 frame (short side 640), decode and NMS", () -> det.detect(frame), () -> {
      frame.close();
      det.close();
    });
  }

  private static Call realesrgan(StateDict dict, Device dev, Precision precision) {
    NDManager manager = NDManager.newBaseManager(dev);
    int tile = TiledUpsampler.DEFAULT_TILE;
    TiledUpsampler up = TiledUpsampler.builder(RrdbNet.load(dict, manager), manager).tile(tile).batch(1)
        .half(precision == Precision.FP16).build();
    Mat frame = DetectorBenchmark.gradient(tile, tile);
    return call("one " + tile + "x" + tile + " tile", () -> up.enhance(frame).close(), () -> {
      frame.close();
      manager.close();
    });
  }

  private static Call call(String input, Runnable once, Runnable close) {
    return new Call() {
      @Override
      public String input() {
        return input;
      }

      @Override
      public void once() {
        once.run();
      }

      @Override
      public void close() {
        close.run();
      }
    };
  }
}
