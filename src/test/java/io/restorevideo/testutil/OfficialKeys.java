package io.restorevideo.testutil;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The key names and shapes of the official checkpoints ({@code /golden/official-keys.json}), in file order. */
public final class OfficialKeys {
  private OfficialKeys() {}

  /** Shapes by key of {@code checkpoint} (e.g. {@code "RealESRGAN_x2plus.pth"}), unwrapped from params_ema. */
  public static Map<String, long[]> shapes(String checkpoint) {
    try (Reader r = new InputStreamReader(
        OfficialKeys.class.getResourceAsStream("/golden/official-keys.json"), StandardCharsets.UTF_8)) {
      JsonObject tensors = JsonParser.parseReader(r).getAsJsonObject().getAsJsonObject(checkpoint)
          .getAsJsonObject("tensors");
      Map<String, long[]> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : tensors.entrySet()) {
        List<JsonElement> dims = e.getValue().getAsJsonArray().asList();
        out.put(e.getKey(), dims.stream().mapToLong(JsonElement::getAsLong).toArray());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
