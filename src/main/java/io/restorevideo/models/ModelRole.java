package io.restorevideo.models;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The part of the pipeline a model file serves. Each role has one default model in the registry; the detector
 * role has several ({@code --detector}); {@code --weights ROLE=PATH} replaces a role's file with the user's own.
 */
public enum ModelRole {
  CODEFORMER("codeformer"),
  DETECTOR("detector"),
  PARSENET("parsenet"),
  REALESRGAN("realesrgan"),
  CODEFORMER_COLORIZATION("codeformer-colorization"),
  CODEFORMER_INPAINTING("codeformer-inpainting");

  private final String id;

  ModelRole(String id) {
    this.id = id;
  }

  /** The role as the registry and {@code --weights} spell it. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }

  /** The role spelt {@code id}, if any. */
  public static Optional<ModelRole> parse(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  /** Every role's id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(ModelRole::id).toList();
  }
}
