package io.restorevideo.nn.rrdbnet;

import java.util.ArrayList;
import java.util.List;

/**
 * RealESRGANer.tile_process's tiling: the image is cut into {@code tile x tile} squares (the last row and
 * column shorter), each is run with up to {@code pad} pixels of real context on every side (less at the
 * image border), and only the square's own pixels are kept from the upscaled result.
 */
public final class TileGrid {
  /**
   * One tile. Input coordinates are in the (padded) network input, output coordinates in the network output.
   *
   * @param inY0 first row of the padded tile region in the input (inclusive); likewise inY1 (exclusive), inX0, inX1
   * @param outY0 first row this tile fills in the output; likewise outX0; it fills {@code outH x outW}
   * @param cropY0 first row of the kept part inside the tile's own output; likewise cropX0
   */
  public record Tile(int inY0, int inY1, int inX0, int inX1, int outY0, int outX0, int outH, int outW,
      int cropY0, int cropX0) {
    public int inHeight() {
      return inY1 - inY0;
    }

    public int inWidth() {
      return inX1 - inX0;
    }
  }

  private TileGrid() {}

  /** Tiles in the official order (row by row); {@code tile <= 0} means one tile holding the whole image. */
  public static List<Tile> of(int height, int width, int tile, int pad, int scale) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
    }
    if (tile <= 0) {
      return List.of(new Tile(0, height, 0, width, 0, 0, height * scale, width * scale, 0, 0));
    }
    int tilesX = (width + tile - 1) / tile;
    int tilesY = (height + tile - 1) / tile;
    List<Tile> out = new ArrayList<>(tilesX * tilesY);
    for (int y = 0; y < tilesY; y++) {
      for (int x = 0; x < tilesX; x++) {
        int y0 = y * tile;
        int y1 = Math.min(y0 + tile, height);
        int x0 = x * tile;
        int x1 = Math.min(x0 + tile, width);
        int py0 = Math.max(y0 - pad, 0);
        int py1 = Math.min(y1 + pad, height);
        int px0 = Math.max(x0 - pad, 0);
        int px1 = Math.min(x1 + pad, width);
        out.add(new Tile(py0, py1, px0, px1, y0 * scale, x0 * scale, (y1 - y0) * scale, (x1 - x0) * scale,
            (y0 - py0) * scale, (x0 - px0) * scale));
      }
    }
    return out;
  }
}
