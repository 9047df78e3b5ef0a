package io.restorevideo.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {
  private static final String BASE = "https://github.com/sczhou/CodeFormer/releases/download/v0.1.0/";

  @Test
  void theReadableCopyAtTheRepositoryRootIsIdenticalToThePackagedRegistry() throws IOException {
    byte[] packaged;
    try (InputStream in = ModelRegistry.class.getResourceAsStream(ModelRegistry.RESOURCE)) {
      packaged = in.readAllBytes();
    }
    assertArrayEquals(Files.readAllBytes(Path.of("models", "registry.json")), packaged,
        "models/registry.json and src/main/resources" + ModelRegistry.RESOURCE + " must be the same file");
  }

  @Test
  void packagedRegistryHoldsTheOfficialWeights() {
    ModelRegistry r = ModelRegistry.load();
    assertEquals(List.of("codeformer", "retinaface-resnet50", "retinaface-mobile0.25", "parsenet", "realesrgan-x2",
        "codeformer-colorization", "codeformer-inpainting"), r.models().stream().map(ModelInfo::name).toList());
    // Values from the design document's table of official files.
    ModelInfo cf = r.get("codeformer");
    assertEquals(BASE + "codeformer.pth", cf.url());
    assertEquals(376637898L, cf.bytes());
    assertEquals("1009e537e0c2a07d4cabce6355f53cb66767cd4b4297ec7a4a64ca4b8a5684b7", cf.sha256());
    assertTrue(cf.nonCommercial());
    assertEquals(109497761L, r.get("retinaface-resnet50").bytes());
    assertEquals("2979b33ffafda5d74b6948cd7a5b9a7a62f62b949cef24e95fd15d2883a65220",
        r.get("retinaface-mobile0.25").sha256());
    assertEquals(85331193L, r.get("parsenet").bytes());
    assertEquals("49fafd45f8fd7aa8d31ab2a22d14d91b536c34494a5cfe31eb5d89c2fa266abb", r.get("realesrgan-x2").sha256());
    for (ModelInfo m : r.models()) {
      assertEquals(BASE + m.file(), m.url(), m.name());
    }
    ModelInfo colour = r.get("codeformer-colorization");
    assertEquals(false, colour.verified());
    assertEquals(-1, colour.bytes());
    assertEquals(BASE + "codeformer_colorization.pth", colour.url());

    assertEquals("codeformer", r.defaultFor(ModelRole.CODEFORMER).name());
    assertEquals("retinaface-resnet50", r.defaultFor(ModelRole.DETECTOR).name());
    assertEquals(List.of("retinaface-resnet50", "retinaface-mobile0.25"),
        r.forRole(ModelRole.DETECTOR).stream().map(ModelInfo::name).toList());
    assertEquals("parsenet", r.defaultFor(ModelRole.PARSENET).name());
    assertEquals("realesrgan-x2", r.defaultFor(ModelRole.REALESRGAN).name());
    // each mode's checkpoint is its own role, named like the model, so --weights ROLE=PATH can replace it
    assertEquals("codeformer-colorization", r.defaultFor(ModelRole.CODEFORMER_COLORIZATION).name());
    assertEquals("codeformer-inpainting", r.defaultFor(ModelRole.CODEFORMER_INPAINTING).name());
    assertEquals(false, r.get("codeformer-inpainting").verified());
    ModelException e = assertThrows(ModelException.class, () -> r.get("gfpgan"));
    assertTrue(e.getMessage().contains("known: codeformer,"), e.getMessage());
  }

  @Test
  void aVerifiedEntryWithoutHashIsRejected() {
    String json = "{\"models\": [{\"name\": \"x\", \"file\": \"x.pth\", \"url\": \"http://h/x.pth\","
        + " \"verified\": true, \"bytes\": 3, \"licence\": \"MIT\"}]}";
    ModelException e = assertThrows(ModelException.class,
        () -> ModelRegistry.parse(new StringReader(json), "test.json"));
    assertTrue(e.getMessage().contains("test.json") && e.getMessage().contains("sha256"), e.getMessage());
  }
}
