package io.restorevideo.nn.rrdbnet;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-ESRGAN's whole-image inference ({@code RealESRGANer.enhance}) around an {@link RrdbNet}: reflect
 * pre-pad and mod-pad, tiles with padding exactly as {@code tile_process}, the pads cropped off again, and
 * for images the 8-bit conversions and the LANCZOS4 resize to {@code outscale}. Unlike the official loop,
 * tiles of equal size go through the network together, {@code batch} at a time (one NDManager sub-scope per
 * forward call); the result is the same because every tile is still computed from its own padded input.
 * An instance holds no per-call state.
 */
public final class TiledUpsampler {
  /** The official RealESRGANer settings CodeFormer's script uses: tile 400, tile pad 40. */
  public static final int DEFAULT_TILE = 400;
  /** Same-size tiles per network call. */
  public static final int DEFAULT_BATCH = 4;

  private static final Logger LOG = LoggerFactory.getLogger(TiledUpsampler.class);

  private final RrdbNet net;
  private final NDManager manager;
  private final int tile;
  private final int tilePad;
  private final int prePad;
  private final int batch;
  private final boolean half;

  private TiledUpsampler(Builder b) {
    this.manager = b.manager;
    this.tile = b.tile;
    this.tilePad = b.tilePad;
    this.prePad = b.prePad;
    this.batch = b.batch;
    this.half = b.half;
    this.net = b.half ? b.net.toType(DataType.FLOAT16) : b.net;
  }

  /** @param manager the manager {@code net} was loaded on; it decides the device */
  public static Builder builder(RrdbNet net, NDManager manager) {
    return new Builder(net, manager);
  }

  public int scale() {
    return net.scale();
  }

  /** The upscaled image at the network's scale (x2 for RealESRGAN_x2plus). */
  public Mat enhance(Mat bgr) {
    try (NDManager call = manager.newSubManager()) {
      NDArray out = upsample(BgrImage.toTensor(bgr, call));
      return BgrImage.toMat(out);
    }
  }

  /**
   * The upscaled image resized to {@code int(w * outscale) x int(h * outscale)} with LANCZOS4 when
   * {@code outscale} is not the network's scale, as enhance(img, outscale) does.
   */
  public Mat enhance(Mat bgr, double outscale) {
    if (!(outscale > 0)) {
      throw new IllegalArgumentException("outscale must be positive, got " + outscale);
    }
    Mat up = enhance(bgr);
    if (outscale == net.scale()) {
      return up;
    }
    Mat out = new Mat();
    try (Size size = new Size((int) (bgr.cols() * outscale), (int) (bgr.rows() * outscale))) {
      resize(up, out, size, 0, 0, INTER_LANCZOS4);
    }
    up.close();
    return out;
  }

  /**
   * (1, 3, h, w) RGB in [0, 1] to the raw stitched network output (1, 3, h*s, w*s), float32, not clamped,
   * in the input's manager.
   */
  public NDArray upsample(NDArray rgb) {
    int h = Math.toIntExact(rgb.getShape().get(2));
    int w = Math.toIntExact(rgb.getShape().get(3));
    int s = net.scale();
    NDManager owner = rgb.getManager();
    try (NDManager scope = owner.newSubManager()) {
      rgb.tempAttach(scope);
      NDArray img = prePad == 0 ? rgb : ReflectPad.bottomRight(rgb, prePad, prePad);
      int mod = net.shape().unshuffle();
      int ph = img.getShape().get(2) % mod == 0 ? 0 : (int) (mod - img.getShape().get(2) % mod);
      int pw = img.getShape().get(3) % mod == 0 ? 0 : (int) (mod - img.getShape().get(3) % mod);
      img = ph == 0 && pw == 0 ? img : ReflectPad.bottomRight(img, pw, ph);
      int height = Math.toIntExact(img.getShape().get(2));
      int width = Math.toIntExact(img.getShape().get(3));
      NDArray stitched = scope.zeros(new Shape(1, 3, (long) height * s, (long) width * s));
      List<TileGrid.Tile> tiles = TileGrid.of(height, width, tile, tilePad, s);
      LOG.debug("{}x{} image: {} tile(s) of {} (pad {}), batch {}", width, height, tiles.size(), tile, tilePad,
          batch);
      for (List<TileGrid.Tile> group : bySize(tiles)) {
        for (int i = 0; i < group.size(); i += batch) {
          run(img, group.subList(i, Math.min(i + batch, group.size())), stitched);
        }
      }
      NDArray out = stitched.get(new NDIndex(":, :, :{}, :{}", (long) h * s, (long) w * s));
      out.attach(owner);
      return out;
    }
  }

  /** One forward call over tiles of the same padded size, their kept parts written into {@code stitched}. */
  private void run(NDArray img, List<TileGrid.Tile> tiles, NDArray stitched) {
    try (NDManager scope = stitched.getManager().newSubManager()) {
      NDList inputs = new NDList();
      for (TileGrid.Tile t : tiles) {
        NDArray in = img.get(new NDIndex(":, :, {}:{}, {}:{}", t.inY0(), t.inY1(), t.inX0(), t.inX1()));
        in.attach(scope);
        inputs.add(in);
      }
      NDArray x = inputs.size() == 1 ? inputs.head() : NDArrays.concat(inputs, 0);
      x.attach(scope);
      if (half) {
        x = x.toType(DataType.FLOAT16, false);
      }
      NDArray y = net.forward(x);
      if (half) {
        y = y.toType(DataType.FLOAT32, false);
      }
      for (int i = 0; i < tiles.size(); i++) {
        TileGrid.Tile t = tiles.get(i);
        NDArray kept = y.get(new NDIndex("{}, :, {}:{}, {}:{}", i, t.cropY0(), t.cropY0() + t.outH(), t.cropX0(),
            t.cropX0() + t.outW()));
        stitched.set(new NDIndex("0, :, {}:{}, {}:{}", t.outY0(), t.outY0() + t.outH(), t.outX0(),
            t.outX0() + t.outW()), kept);
      }
    }
  }

  /** Tiles grouped by padded input size (first-seen order): only equal sizes can share a forward call. */
  private static List<List<TileGrid.Tile>> bySize(List<TileGrid.Tile> tiles) {
    Map<Long, List<TileGrid.Tile>> groups = new LinkedHashMap<>();
    for (TileGrid.Tile t : tiles) {
      groups.computeIfAbsent(((long) t.inHeight() << 32) | t.inWidth(), k -> new ArrayList<>()).add(t);
    }
    return new ArrayList<>(groups.values());
  }

  /** Options with the values CodeFormer's inference script gives RealESRGANer. */
  public static final class Builder {
    private final RrdbNet net;
    private final NDManager manager;
    private int tile = DEFAULT_TILE;
    private int tilePad = 40;
    private int prePad = 0;
    private int batch = DEFAULT_BATCH;
    private boolean half;

    private Builder(RrdbNet net, NDManager manager) {
      this.net = net;
      this.manager = manager;
    }

    /** Tile size in input pixels ({@code --bg-tile}, default 400); 0 runs the whole image at once. */
    public Builder tile(int tile) {
      this.tile = tile;
      return this;
    }

    /** Context around each tile in input pixels (default 40). */
    public Builder tilePad(int tilePad) {
      this.tilePad = tilePad;
      return this;
    }

    /** Reflect padding of the bottom and right edges before inference (CodeFormer: 0; RealESRGANer: 10). */
    public Builder prePad(int prePad) {
      this.prePad = prePad;
      return this;
    }

    /** Most tiles per forward call (default 4). */
    public Builder batch(int batch) {
      this.batch = batch;
      return this;
    }

    /** Half-precision inference; GPU only, as in CodeFormer's script (CPU fp16 convolutions are slow). */
    public Builder half(boolean half) {
      this.half = half;
      return this;
    }

    public TiledUpsampler build() {
      int mod = net.shape().unshuffle();
      if (tile < 0 || tilePad < 0 || prePad < 0) {
        throw new IllegalArgumentException("tile, tile pad and pre-pad must not be negative (tile " + tile
            + ", tile pad " + tilePad + ", pre-pad " + prePad + ")");
      }
      if (tile % mod != 0 || tilePad % mod != 0) {
        throw new IllegalArgumentException("tile " + tile + " and tile pad " + tilePad + " must be multiples of "
            + mod + " for an x" + net.scale() + " model (its input is pixel-unshuffled by " + mod + ")");
      }
      if (batch < 1) {
        throw new IllegalArgumentException("tile batch must be at least 1, got " + batch);
      }
      if (half && !manager.getDevice().isGpu()) {
        throw new IllegalArgumentException("half precision needs a GPU; the upsampler runs on "
            + manager.getDevice());
      }
      return new TiledUpsampler(this);
    }
  }
}
