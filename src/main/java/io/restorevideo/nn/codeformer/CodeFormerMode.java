package io.restorevideo.nn.codeformer;

import io.restorevideo.models.ModelRole;
import io.restorevideo.weights.WeightsException;
import java.util.List;
import java.util.Locale;

/**
 * The three official uses of the CodeFormer architecture, each with its own checkpoint and the fixed settings
 * of its inference script: {@code inference_codeformer.py} (w from the user, AdaIN on),
 * {@code inference_colorization.py} (w=0, AdaIN on: Stage III was not trained for colorization) and
 * {@code inference_inpainting.py} (w=1, AdaIN off, only the white-brushed pixels replaced).
 *
 * <p>The networks differ only in shape, so each mode names the shape its script builds and a checkpoint of
 * another mode is refused by name instead of producing a plausible but wrong face.
 */
public enum CodeFormerMode {
  RESTORE("restore", ModelRole.CODEFORMER, null, true, List.of("32", "64", "128", "256"), 0),
  COLORIZE("colorize", ModelRole.CODEFORMER_COLORIZATION, 0.0, true, List.of("32", "64", "128"), 1024),
  INPAINT("inpaint", ModelRole.CODEFORMER_INPAINTING, 1.0, false, List.of("32", "64", "128"), 512);

  private final String cliName;
  private final ModelRole role;
  private final Double fixedFidelity;
  private final boolean adain;
  private final List<String> connectList;
  private final int codebookSize;

  /** @param codebookSize rows the script's network has; 0 = any (the restore path also runs small test nets) */
  CodeFormerMode(String cliName, ModelRole role, Double fixedFidelity, boolean adain, List<String> connectList,
      int codebookSize) {
    this.cliName = cliName;
    this.role = role;
    this.fixedFidelity = fixedFidelity;
    this.adain = adain;
    this.connectList = connectList;
    this.codebookSize = codebookSize;
  }

  /** {@code restore}, {@code colorize} or {@code inpaint}, as {@code --mode} spells it. */
  public String cliName() {
    return cliName;
  }

  /** The model role (and registry name) of this mode's checkpoint. */
  public ModelRole role() {
    return role;
  }

  /** Whether the user's {@code -w} is used; the colorize and inpaint scripts fix it. */
  public boolean takesFidelity() {
    return fixedFidelity == null;
  }

  /** The {@code w} passed to the network: the requested one for restore, the script's constant otherwise. */
  public double fidelity(double requested) {
    return fixedFidelity == null ? requested : fixedFidelity;
  }

  public boolean adain() {
    return adain;
  }

  /** Only the inpainting script keeps the input outside the white mask. */
  public boolean keepsUnmaskedPixels() {
    return this == INPAINT;
  }

  /**
   * Whether a gray input's restored face is made gray again ({@code add_restored_face} with {@code is_gray}).
   * Only the restore script does it: colorizing and then removing the colour would undo the job.
   */
  public boolean grayInputStaysGray() {
    return this == RESTORE;
  }

  /**
   * Whether an aligned face of another size is resized to 512x512 first; the colorize and inpaint scripts
   * refuse it instead (a resized white brush would no longer be pure white at its edges).
   */
  public boolean resizesAlignedFaces() {
    return this == RESTORE;
  }

  /**
   * The one rule for the fidelity weight {@code w} ({@code -w}), used by every path that takes it: a number in
   * [0, 1].
   *
   * @return {@code w}
   * @throws IllegalArgumentException otherwise
   */
  public static double checkFidelity(double w) {
    if (!(w >= 0 && w <= 1)) {
      throw new IllegalArgumentException("-w must be between 0 and 1, got " + w);
    }
    return w;
  }

  /** The mode of a {@code --mode} value, case-insensitive. */
  public static CodeFormerMode parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (CodeFormerMode m : values()) {
      if (m.cliName.equals(n)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + name + "' (use restore, colorize or inpaint)");
  }

  /**
   * Refuses a network whose connect list or codebook is not this mode's, naming the file, what it has, and
   * the mode it looks like.
   *
   * @throws WeightsException when {@code config} is not shaped like this mode's network
   */
  public void requireNetwork(CodeFormerConfig config, String source) {
    if (fits(config)) {
      return;
    }
    StringBuilder msg = new StringBuilder(source).append(": not a ").append(role).append(" checkpoint for --mode ")
        .append(cliName).append(" (it has connect list ").append(config.connectList()).append(" and ")
        .append(config.codebookSize()).append(" codes; ").append(cliName).append(" needs ").append(connectList);
    if (codebookSize > 0) {
      msg.append(" and ").append(codebookSize).append(" codes");
    }
    msg.append(")");
    for (CodeFormerMode other : values()) {
      if (other != this && other.fits(config)) {
        msg.append("; it looks like a ").append(other.role).append(" checkpoint (--mode ").append(other.cliName)
            .append(")");
        break;
      }
    }
    throw new WeightsException(msg.toString());
  }

  private boolean fits(CodeFormerConfig config) {
    return config.connectList().equals(connectList) && (codebookSize == 0 || config.codebookSize() == codebookSize);
  }
}
