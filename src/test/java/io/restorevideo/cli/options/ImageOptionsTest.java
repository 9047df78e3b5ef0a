package io.restorevideo.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.api.FrameOptions;
import io.restorevideo.api.ImageRestorer;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import org.junit.jupiter.api.Test;

/** The image options parsed by picocli and turned into pipeline options. */
class ImageOptionsTest {
  @Command(name = "test")
  static final class Host {
    @Mixin ImageOptions image;
  }

  private static ImageOptions parse(String... args) {
    Host host = new Host();
    new CommandLine(host).parseArgs(args);
    return host.image;
  }

  @Test
  void defaultsAreTheOfficialScripts() {
    ImageOptions o = parse();
    FrameOptions f = o.options(0.5);
    assertEquals(2, f.upscale());
    assertFalse(f.onlyCenterFace());
    assertTrue(f.parse());
    assertFalse(f.drawBox());
    assertEquals(0.5, f.fidelity());
    assertNull(o.saveFaces());
    assertEquals(100_000_000L, o.maxPixels());
  }

  @Test
  void everyFlagReachesTheOptions() {
    ImageOptions o = parse("-s", "4", "--only-center-face", "--no-parse", "--draw-box", "--save-faces", "faces",
        "--max-pixels", "5000");
    FrameOptions f = o.options(0.7);
    assertEquals(4, f.upscale());
    assertTrue(f.onlyCenterFace());
    assertFalse(f.parse());
    assertTrue(f.drawBox());
    assertEquals(0.7, f.fidelity());
    assertEquals(Path.of("faces"), o.saveFaces());
    assertEquals(5000, o.maxPixels());
    assertEquals(3, parse("--upscale", "3").options(0.5).upscale());
  }

  @Test
  void badValuesAreUsageErrors() {
    ParameterException e = assertThrows(ParameterException.class, () -> parse("-s", "0").options(0.5));
    assertEquals("upscale must be in 1..8, got 0", e.getMessage());
    assertThrows(ParameterException.class, () -> parse("-s", "two"));
    assertThrows(ParameterException.class, () -> parse().options(1.5));
    ParameterException px = assertThrows(ParameterException.class,
        () -> parse("--max-pixels", "0").applyTo(ImageRestorer.builder(), 0.5));
    assertEquals("--max-pixels must be at least 1, got 0", px.getMessage());
  }
}
