package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest extends CapturedConsole {
  @TempDir Path dir;

  @Test
  void listShowsEveryModelWithLicenceStateAndPath() {
    assertEquals(0, run("models", "list", "--model-dir", dir.toString()));
    String text = out();
    for (String name : new String[] {"codeformer", "retinaface-resnet50", "retinaface-mobile0.25", "parsenet",
        "realesrgan-x2", "codeformer-colorization", "codeformer-inpainting"}) {
      assertTrue(text.contains("\n" + name + " "), name + " missing in\n" + text);
    }
    assertTrue(text.contains("376.6 MB") && text.contains("NTU S-Lab License 1.0 (non-commercial)"), text);
    assertTrue(text.contains("Non-commercial use only: codeformer"), text);
    assertTrue(text.contains(dir.resolve("codeformer.pth").toString()), text);
    assertTrue(text.lines().filter(l -> l.startsWith("codeformer ")).allMatch(l -> l.contains(" missing ")), text);
  }

  @Test
  void pathPrintsWhereTheModelIsAndFailsWhileItIsNotThere() throws IOException {
    assertEquals(1, run("models", "path", "codeformer", "--model-dir", dir.toString()));
    assertEquals(dir.resolve("codeformer.pth").toString(), out().strip());
    assertTrue(err().contains("not downloaded yet"), err());

    Path colour = dir.resolve("codeformer_colorization.pth");
    Files.writeString(colour, "colour weights");
    assertEquals(0, run("models", "path", "codeformer-colorization", "--model-dir", dir.toString()));
    assertEquals(colour.toString(), out().strip());

    assertEquals(2, run("models", "path", "gfpgan", "--model-dir", dir.toString()));
    assertTrue(err().contains("unknown model 'gfpgan'"), err());
  }

  @Test
  void offlineDownloadOfAMissingModelFailsWithWhereToPutIt() {
    assertEquals(1, run("models", "download", "parsenet", "--offline", "--model-dir", dir.toString()));
    assertTrue(err().contains("parsing_parsenet.pth (model parsenet) is not in the model cache and --offline is set"
        + ": download https://github.com/sczhou/CodeFormer/releases/download/v0.1.0/parsing_parsenet.pth and place"
        + " it at " + dir.resolve("parsing_parsenet.pth")), err());
    assertEquals(2, run("models", "download", "--detector", "yolo", "--offline", "--model-dir", dir.toString()));
  }

  @Test
  void verifyHashesWhatIsCached() throws IOException, NoSuchAlgorithmException {
    byte[] data = "inpainting weights".getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("codeformer_inpainting.pth"), data);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    assertEquals(0, run("models", "verify", "--model-dir", dir.toString()));
    assertTrue(out().contains("codeformer-inpainting: ok, sha256 " + sha), out());

    Files.write(dir.resolve("detection_mobilenet0.25_Final.pth"), data);
    assertEquals(1, run("models", "verify", "--model-dir", dir.toString()));
    assertTrue(out().contains("retinaface-mobile0.25: MISMATCH"), out());
    assertTrue(out().contains("2979b33ffafda5d74b6948cd7a5b9a7a62f62b949cef24e95fd15d2883a65220"), out());
  }
}
