package io.restorevideo.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads NumPy .npy fixtures (little-endian, C order) from the test classpath. */
public final class Npy {
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");

  public final String descr;
  public final long[] shape;
  private final ByteBuffer data;

  private Npy(String descr, long[] shape, ByteBuffer data) {
    this.descr = descr;
    this.shape = shape;
    this.data = data;
  }

  /** Loads {@code /golden/...} style resource paths. */
  public static Npy resource(String path) {
    try (InputStream in = Npy.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Npy parse(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes[0] != (byte) 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
      throw new IllegalArgumentException("not an .npy file");
    }
    int major = bytes[6];
    int headerLen;
    int start;
    if (major == 1) {
      headerLen = b.getShort(8) & 0xffff;
      start = 10;
    } else {
      headerLen = b.getInt(8);
      start = 12;
    }
    String header = new String(bytes, start, headerLen, StandardCharsets.US_ASCII);
    Matcher d = DESCR.matcher(header);
    Matcher s = SHAPE.matcher(header);
    Matcher f = FORTRAN.matcher(header);
    if (!d.find() || !s.find() || !f.find() || f.group(1).equals("True")) {
      throw new IllegalArgumentException("unsupported .npy header: " + header);
    }
    long[] shape = Arrays.stream(s.group(1).split(","))
        .map(String::trim).filter(x -> !x.isEmpty()).mapToLong(Long::parseLong).toArray();
    ByteBuffer data = ByteBuffer.wrap(bytes, start + headerLen, bytes.length - start - headerLen)
        .slice().order(ByteOrder.LITTLE_ENDIAN);
    return new Npy(d.group(1), shape, data);
  }

  public long numel() {
    long n = 1;
    for (long x : shape) {
      n *= x;
    }
    return n;
  }

  public float[] floats() {
    int n = Math.toIntExact(numel());
    float[] out = new float[n];
    switch (descr) {
      case "<f4" -> data.asFloatBuffer().get(out);
      case "<f8" -> {
        for (int i = 0; i < n; i++) {
          out[i] = (float) data.getDouble(i * 8);
        }
      }
      default -> throw new IllegalStateException("not a float array: " + descr);
    }
    return out;
  }

  public long[] longs() {
    int n = Math.toIntExact(numel());
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = switch (descr) {
        case "<i8" -> data.getLong(i * 8);
        case "<i4" -> data.getInt(i * 4);
        case "|u1", "<u1" -> data.get(i) & 0xff;
        default -> throw new IllegalStateException("not an integer array: " + descr);
      };
    }
    return out;
  }

  /** uint8 arrays (images stored as HxWx3 BGR). */
  public byte[] bytes() {
    if (!descr.equals("|u1") && !descr.equals("<u1")) {
      throw new IllegalStateException("not a uint8 array: " + descr);
    }
    byte[] out = new byte[Math.toIntExact(numel())];
    data.duplicate().get(out);
    return out;
  }

  /** Writes a float32 or uint8 array; for derived fixtures (slices of official outputs) only. */
  public static byte[] encode(String descr, long[] shape, ByteBuffer littleEndianData) {
    StringBuilder sh = new StringBuilder();
    for (long x : shape) {
      sh.append(x).append(',');
    }
    if (shape.length > 1) {
      sh.setLength(sh.length() - 1);
    }
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + sh + "), }";
    int total = 10 + header.length() + 1;
    int pad = (64 - total % 64) % 64;
    header = header + " ".repeat(pad) + "\n";
    ByteBuffer out = ByteBuffer.allocate(10 + header.length() + littleEndianData.remaining())
        .order(ByteOrder.LITTLE_ENDIAN);
    out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
    out.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
    out.put(littleEndianData.duplicate());
    return out.array();
  }
}
