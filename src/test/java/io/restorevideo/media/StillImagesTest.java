package io.restorevideo.media;

import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading as cv2.imread(IMREAD_COLOR) does, header checks before decoding, atomic writes. */
class StillImagesTest {
  @TempDir Path dir;

  private static byte[] bytes(Mat m) {
    byte[] out = new byte[(int) (m.total() * m.channels())];
    m.data().get(out);
    return out;
  }

  private static byte[] encode(String ext, Mat m, int... params) {
    try (BytePointer buf = new BytePointer(); IntPointer p = new IntPointer(params)) {
      assertTrue(params.length == 0 ? imencode(ext, m, buf) : imencode(ext, m, buf, p));
      byte[] out = new byte[(int) buf.limit()];
      buf.get(out);
      return out;
    }
  }

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  /** A 40x30 image whose pixel (x, y), channel c is (7x + 3y + 50c) mod 256. */
  private static Mat pattern() {
    Mat m = new Mat(30, 40, CV_8UC3);
    byte[] px = new byte[40 * 30 * 3];
    for (int i = 0; i < px.length; i++) {
      int p = i / 3;
      px[i] = (byte) (7 * (p % 40) + 3 * (p / 40) + 50 * (i % 3));
    }
    m.data().put(px);
    return m;
  }

  @Test
  void pngRoundTripIsExactAndHeaderGivesItsSize() throws IOException {
    Path f = dir.resolve("out.png");
    try (Mat m = pattern()) {
      StillImages.write(m, f);
      assertEquals(new ImageHeader(ImageHeader.Format.PNG, 40, 30), ImageHeader.read(f));
      try (Mat back = StillImages.read(f, StillImages.DEFAULT_MAX_PIXELS)) {
        assertArrayEquals(bytes(m), bytes(back));
      }
    }
    assertEquals(List.of(f), Files.list(dir).toList(), "only the output, no temporary file");
  }

  @Test
  void jpegAndWebpHeadersAreRead() throws IOException {
    try (Mat m = pattern()) {
      StillImages.write(m, dir.resolve("a.jpg"));
      StillImages.write(m, dir.resolve("b.webp"));
      Path lossy = file("c.webp", encode(".webp", m, IMWRITE_WEBP_QUALITY, 80));
      assertEquals(new ImageHeader(ImageHeader.Format.JPEG, 40, 30), ImageHeader.read(dir.resolve("a.jpg")));
      assertEquals(new ImageHeader(ImageHeader.Format.WEBP, 40, 30), ImageHeader.read(dir.resolve("b.webp")));
      assertEquals(new ImageHeader(ImageHeader.Format.WEBP, 40, 30), ImageHeader.read(lossy));
      // OpenCV writes lossless WebP (VP8L) by default and lossy (VP8) with a quality: both layouts covered
      assertEquals("VP8L", new String(Files.readAllBytes(dir.resolve("b.webp")), 12, 4));
      assertEquals("VP8 ", new String(Files.readAllBytes(lossy), 12, 4));
      try (Mat webp = StillImages.read(dir.resolve("b.webp"), StillImages.DEFAULT_MAX_PIXELS);
          Mat jpg = StillImages.read(dir.resolve("a.jpg"), StillImages.DEFAULT_MAX_PIXELS)) {
        assertArrayEquals(bytes(m), bytes(webp), "lossless WebP");
        assertEquals(CV_8UC3, jpg.type());
        assertEquals(40, jpg.cols());
      }
    }
  }

  @Test
  void sixteenBitGrayAndAlphaBecomeEightBitBgr() throws IOException {
    Mat deep = new Mat(20, 20, CV_16UC3);
    short[] v = new short[20 * 20 * 3];
    for (int i = 0; i < v.length; i++) {
      v[i] = (short) (i * 97 % 65536);
    }
    new ShortPointer(deep.data()).put(v);
    Path p16 = file("deep.png", encode(".png", deep));
    try (Mat m = StillImages.read(p16, StillImages.DEFAULT_MAX_PIXELS)) {
      assertEquals(CV_8UC3, m.type());
      byte[] px = bytes(m);
      for (int i = 0; i < px.length; i++) {
        assertEquals((v[i] & 0xffff) >> 8, px[i] & 0xff, "16-bit value " + (v[i] & 0xffff));
      }
    }
    Mat gray = new Mat(20, 20, CV_8UC1, new Scalar(77.0));
    try (Mat m = StillImages.read(file("gray.png", encode(".png", gray)), StillImages.DEFAULT_MAX_PIXELS)) {
      assertEquals(CV_8UC3, m.type());
      byte[] px = bytes(m);
      for (byte b : px) {
        assertEquals(77, b & 0xff);
      }
    }
    Mat bgra = new Mat(20, 20, CV_8UC4, new Scalar(10, 20, 30, 0));
    try (Mat m = StillImages.read(file("alpha.png", encode(".png", bgra)), StillImages.DEFAULT_MAX_PIXELS)) {
      assertEquals(CV_8UC3, m.type());
      byte[] px = bytes(m);
      assertEquals(10, px[0]);
      assertEquals(20, px[1]);
      assertEquals(30, px[2], "colour kept although fully transparent: alpha is dropped, not applied");
    }
  }

  @Test
  void emptyFileIsRefusedByName() throws IOException {
    Path f = file("empty.png", new byte[0]);
    MediaException e = assertThrows(MediaException.class, () -> StillImages.read(f, StillImages.DEFAULT_MAX_PIXELS));
    assertEquals(f + ": empty file (0 bytes), not an image", e.getMessage());
  }

  @Test
  void nonImageIsRefusedByName() throws IOException {
    Path f = file("notes.jpg", "these are not pixels\n".getBytes());
    MediaException e = assertThrows(MediaException.class, () -> StillImages.read(f, StillImages.DEFAULT_MAX_PIXELS));
    assertEquals(f + ": not a PNG, JPEG or WebP image", e.getMessage());
  }

  @Test
  void corruptPixelDataIsRefusedByName() throws IOException {
    byte[] png;
    try (Mat m = pattern()) {
      png = encode(".png", m);
    }
    byte[] cut = java.util.Arrays.copyOf(png, 60);
    Path f = file("cut.png", cut);
    MediaException e = assertThrows(MediaException.class, () -> StillImages.read(f, StillImages.DEFAULT_MAX_PIXELS));
    assertEquals(f + ": cannot decode the PNG image (corrupt or truncated)", e.getMessage());
  }

  @Test
  void oneByOneImageIsRefusedByName() throws IOException {
    Path f = file("dot.png", encode(".png", new Mat(1, 1, CV_8UC3, new Scalar(9.0))));
    MediaException e = assertThrows(MediaException.class, () -> StillImages.read(f, StillImages.DEFAULT_MAX_PIXELS));
    assertEquals(f + ": 1x1 image is too small (each side must be at least 16 pixels)", e.getMessage());
  }

  @Test
  void hugeHeaderIsRefusedBeforeDecoding() throws IOException {
    Path f = file("huge.png", pngHeaderOnly(20000, 20000));
    MediaException e = assertThrows(MediaException.class, () -> StillImages.read(f, StillImages.DEFAULT_MAX_PIXELS));
    assertEquals(f + ": 20000x20000 image has 400000000 pixels, above the limit of 100000000 (raise it with "
        + "--max-pixels)", e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void hugeJpegHeaderIsRefusedToo() throws IOException {
    byte[] jpg;
    try (Mat m = pattern()) {
      jpg = encode(".jpg", m);
    }
    // rewrite the SOF0 frame size to 30000x20000
    for (int i = 2; i + 8 < jpg.length; i++) {
      if ((jpg[i] & 0xff) == 0xff && (jpg[i + 1] & 0xff) == 0xc0) {
        jpg[i + 5] = (byte) (20000 >> 8);
        jpg[i + 6] = (byte) 20000;
        jpg[i + 7] = (byte) (30000 >> 8);
        jpg[i + 8] = (byte) 30000;
        break;
      }
    }
    Path f = file("huge.jpg", jpg);
    assertEquals(new ImageHeader(ImageHeader.Format.JPEG, 30000, 20000), ImageHeader.read(f));
    MediaException e = assertThrows(MediaException.class, () -> StillImages.read(f, 1_000_000));
    assertTrue(e.getMessage().startsWith(f + ": 30000x20000 image"), e.getMessage());
  }

  @Test
  void failedWritesLeaveNothing() throws IOException {
    try (Mat m = pattern()) {
      Path bmp = dir.resolve("out.bmp");
      MediaException e = assertThrows(MediaException.class, () -> StillImages.write(m, bmp));
      assertEquals(bmp + ": unsupported output format '.bmp' (use .png, .jpg, .jpeg or .webp)", e.getMessage());
      Path blocker = file("blocker", new byte[] {1});
      Path under = blocker.resolve("out.png");
      MediaException e2 = assertThrows(MediaException.class, () -> StillImages.write(m, under));
      assertTrue(e2.getMessage().startsWith(under + ": cannot write"), e2.getMessage());
    }
    assertEquals(List.of(dir.resolve("blocker")), Files.list(dir).toList());
  }

  @Test
  void writeReplacesAnExistingFileWhole() throws IOException {
    Path f = file("out.png", "old".getBytes());
    try (Mat m = pattern()) {
      StillImages.write(m, f);
    }
    assertEquals(new ImageHeader(ImageHeader.Format.PNG, 40, 30), ImageHeader.read(f));
    assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
  }

  /** Signature, an IHDR chunk for an 8-bit RGB image of that size with a valid CRC, and IEND: no pixel data. */
  static byte[] pngHeaderOnly(int width, int height) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(ihdr);
    d.writeBytes("IHDR");
    d.writeInt(width);
    d.writeInt(height);
    d.write(new byte[] {8, 2, 0, 0, 0});
    chunk(out, ihdr.toByteArray());
    chunk(out, "IEND".getBytes());
    return bytes.toByteArray();
  }

  private static void chunk(DataOutputStream out, byte[] typeAndData) throws IOException {
    out.writeInt(typeAndData.length - 4);
    out.write(typeAndData);
    CRC32 crc = new CRC32();
    crc.update(typeAndData);
    out.writeInt((int) crc.getValue());
  }
}
