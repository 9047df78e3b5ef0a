package io.restorevideo.nn.rrdbnet;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Per-frame cost of the full-size x2 upsampler (RealESRGAN_x2plus shapes, random weights) on an 854x480
 * frame at CodeFormer's settings (tile 400, pad 40). A measurement for the notes, not a test:
 * {@code java -cp ... io.restorevideo.nn.rrdbnet.UpsamplerBench [frames] [tile] [batch]}.
 */
public final class UpsamplerBench {
  private UpsamplerBench() {}

  public static void main(String[] args) throws Exception {
    int frames = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int tile = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Path dir = Files.createTempDirectory("rrdb-bench");
    Path ckpt = RandomCheckpoint.write("RealESRGAN_x2plus.pth", dir.resolve("x2.safetensors"), 0.01, 7);
    Mat crop = imread(TinyRrdb.resource("input_crop.png").toString());
    Mat frame = new Mat();
    copyMakeBorder(crop, frame, 208, 208, 395, 395, BORDER_REFLECT);
    try (NDManager m = NDManager.newBaseManager()) {
      TiledUpsampler up = TiledUpsampler.builder(RrdbNet.load(ckpt, m), m).tile(tile).batch(batch).build();
      up.enhance(crop).close();
      for (int i = 0; i < frames; i++) {
        long t0 = System.nanoTime();
        Mat out = up.enhance(frame);
        System.out.printf("frame %d: %dx%d -> %dx%d in %.1f s (tile %d, batch %d)%n", i, frame.cols(), frame.rows(),
            out.cols(), out.rows(), (System.nanoTime() - t0) / 1e9, tile, batch);
        out.close();
      }
    } finally {
      Files.deleteIfExists(ckpt);
      Files.deleteIfExists(dir);
    }
  }
}
