package io.restorevideo.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restorevideo.batch.JobRecipe;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch's arguments as the recipe executors rebuild the job from. */
class BatchRecipeTest {
  private static String abs(String p) {
    return Path.of(p).toAbsolutePath().toString();
  }

  @Test
  void filesExecutorsOpenBecomeAbsoluteAndTheRestIsKept() {
    BatchRecipe r = BatchRecipe.of(List.of("in", "-o", "out", "--weights", "codeformer=w/cf.pth",
        "--weights=parsenet=/abs/p.pth", "--model-dir", "models", "--model-dir=m2", "-w", "0.7"));
    assertEquals(List.of("in", "-o", "out", "--weights", "codeformer=" + abs("w/cf.pth"),
        "--weights=parsenet=/abs/p.pth", "--model-dir", abs("models"), "--model-dir=" + abs("m2"), "-w", "0.7"),
        r.args());
  }

  @Test
  void aRecipeTravelsAsItsArgumentsAndRebuildsAJob() throws Exception {
    BatchRecipe r = BatchRecipe.of(List.of("in", "-o", "out", "--no-faces", "--video-codec", "ffv1"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(r);
    }
    JobRecipe back;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (JobRecipe) in.readObject();
    }
    assertEquals(r, back, "equal recipes: executors find their cached networks by it");
    assertNotNull(back.template(null), "the executor's side parses the arguments into a job template");
  }
}
