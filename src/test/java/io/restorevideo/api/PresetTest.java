package io.restorevideo.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetTest {
  private static Set<String> stems(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .map(n -> n.replaceFirst("\\.properties$", ""))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void repoRootPresetsAreByteIdenticalToTheBundledOnes() throws IOException {
    assertEquals(new TreeSet<>(Preset.names()), stems(Path.of("presets")));
    assertEquals(new TreeSet<>(Preset.names()), stems(Path.of("src/main/resources/presets")));
    for (String name : Preset.names()) {
      try (InputStream in = Preset.class.getResourceAsStream("/presets/" + name + ".properties")) {
        assertArrayEquals(in.readAllBytes(), Files.readAllBytes(Path.of("presets", name + ".properties")), name);
      }
    }
  }

  @Test
  void theIssuesPresetsSayWhatTheyPromise() {
    assertEquals(List.of("default", "archive-film", "fidelity", "quality", "fast"), Preset.names());
    Preset def = Preset.load("default");
    // all but upscale, whose default depends on the input (2 for images, 1 for videos): a fixed value here
    // would make --preset default differ from no preset for one of the two
    List<String> keys = Preset.KEYS.stream().filter(k -> !k.equals("upscale")).toList();
    assertEquals(keys, List.copyOf(def.options().keySet()), "default spells out every option but upscale");
    assertEquals("0.5", def.options().get("w"));
    assertEquals("1.0", Preset.load("fidelity").options().get("w"));
    assertEquals("0.3", Preset.load("quality").options().get("w"));
    Preset fast = Preset.load("fast");
    assertEquals("retinaface-mobile0.25", fast.options().get("detector"));
    assertEquals("true", fast.options().get("no-parse"));
    Preset film = Preset.load("archive-film");
    assertTrue(Double.parseDouble(film.options().get("w")) > Double.parseDouble(def.options().get("w")));
    assertTrue(Double.parseDouble(film.options().get("smoothing")) > Double.parseDouble(def.options().get("smoothing")));
    assertEquals("realesrgan", film.options().get("bg-upsampler"));
    assertEquals("auto", film.options().get("deinterlace"));
    assertEquals("hqdn3d=2", film.options().get("denoise"));
  }

  @Test
  void everyOptionLineHasACommentAboveItAndEachPresetADescription() throws IOException {
    for (String name : Preset.names()) {
      List<String> lines = Files.readAllLines(Path.of("presets", name + ".properties"));
      assertTrue(lines.get(0).startsWith("# " + name + ":"), name + " starts with its description");
      assertFalse(Preset.load(name).description().isEmpty());
      for (int i = 1; i < lines.size(); i++) {
        if (!lines.get(i).startsWith("#")) {
          assertTrue(lines.get(i - 1).startsWith("#"), name + " line " + (i + 1) + " needs a comment above it");
        }
      }
    }
  }

  @Test
  void unknownPresetNamesTheChoices() {
    UserException e = assertThrows(UserException.class, () -> Preset.load("cinema"));
    assertTrue(e.getMessage().contains("cinema") && e.getMessage().contains("archive-film"), e.getMessage());
  }

  @Test
  void userPresetFileIsCheckedForUnknownOptions(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("mine.properties");
    Files.writeString(good, "# mine: my own\nw=0.9\nsmoothing = 0.7\n");
    Preset mine = Preset.fromFile(good);
    assertEquals("mine", mine.name());
    assertEquals(List.of("w", "smoothing"), List.copyOf(mine.options().keySet()));
    assertEquals("0.7", mine.options().get("smoothing"));
    Path bad = dir.resolve("bad.properties");
    Files.writeString(bad, "fidelity-weight=0.8\n");
    UserException e = assertThrows(UserException.class, () -> Preset.fromFile(bad));
    assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("fidelity-weight"), e.getMessage());
    UserException missing = assertThrows(UserException.class, () -> Preset.fromFile(dir.resolve("none.properties")));
    assertTrue(missing.getMessage().contains("none.properties"), missing.getMessage());
  }
}
