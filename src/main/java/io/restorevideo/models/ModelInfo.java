package io.restorevideo.models;

import java.util.OptionalLong;

/**
 * One registry entry: a model name used on the command line, the file it is stored as, where it comes from,
 * and (when {@code verified}) the size and SHA-256 every copy must have.
 *
 * @param role the part of the pipeline it serves, or null
 * @param isDefault whether it is the model used for its role when nothing else is asked for
 * @param bytes the exact size, or -1 when unknown
 * @param sha256 lower-case hex digest, or null when unknown
 */
public record ModelInfo(
    String name,
    ModelRole role,
    boolean isDefault,
    String file,
    String url,
    long bytes,
    String sha256,
    boolean verified,
    String licence,
    String description) {

  public OptionalLong size() {
    return bytes >= 0 ? OptionalLong.of(bytes) : OptionalLong.empty();
  }

  /** Whether the licence forbids commercial use (shown prominently by {@code models list}). */
  public boolean nonCommercial() {
    return licence != null && licence.toLowerCase(java.util.Locale.ROOT).contains("non-commercial");
  }
}
