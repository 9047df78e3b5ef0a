package io.restorevideo.nn.rrdbnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restorevideo.nn.rrdbnet.TileGrid.Tile;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileGridTest {
  /**
   * An 854x480 frame at CodeFormer's settings (tile 400, pad 40, x2): 3 x 2 tiles, row by row. Expected
   * values worked out by hand from tile_process's formulas.
   */
  @Test
  void frameAtCodeFormerSettings() {
    List<Tile> tiles = TileGrid.of(480, 854, 400, 40, 2);
    assertEquals(6, tiles.size());
    // first tile: no context above/left, 40 px right/below; kept part starts at the tile's origin
    assertEquals(new Tile(0, 440, 0, 440, 0, 0, 800, 800, 0, 0), tiles.get(0));
    // middle of the top row: 40 px of context on the left, kept part starts 80 output px in
    assertEquals(new Tile(0, 440, 360, 840, 0, 800, 800, 800, 0, 80), tiles.get(1));
    // last column is 54 px wide, its context cut at the right border
    assertEquals(new Tile(0, 440, 760, 854, 0, 1600, 800, 108, 0, 80), tiles.get(2));
    // bottom row is 80 px high
    assertEquals(new Tile(360, 480, 360, 840, 800, 800, 160, 800, 80, 80), tiles.get(4));
    assertEquals(new Tile(360, 480, 760, 854, 800, 1600, 160, 108, 80, 80), tiles.get(5));
  }

  @Test
  void keptPartsCoverTheOutputExactlyOnce() {
    int h = 150;
    int w = 97;
    int s = 4;
    int[] hits = new int[h * s * w * s];
    for (Tile t : TileGrid.of(h, w, 32, 10, s)) {
      assertEquals(t.outY0(), (t.inY0() * s) + t.cropY0());
      assertEquals(t.outX0(), (t.inX0() * s) + t.cropX0());
      for (int y = t.outY0(); y < t.outY0() + t.outH(); y++) {
        for (int x = t.outX0(); x < t.outX0() + t.outW(); x++) {
          hits[y * w * s + x]++;
        }
      }
    }
    for (int c : hits) {
      assertEquals(1, c);
    }
  }

  @Test
  void noTilingIsOneWholeImageTile() {
    assertEquals(List.of(new Tile(0, 48, 0, 64, 0, 0, 96, 128, 0, 0)), TileGrid.of(48, 64, 0, 40, 2));
  }
}
