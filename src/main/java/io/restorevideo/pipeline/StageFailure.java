package io.restorevideo.pipeline;

/** A stage (or the decoder or encoder) failed; the message names it and says why, on one line. */
public final class StageFailure extends RuntimeException {
  private final String stage;

  public StageFailure(String stage, Throwable cause) {
    super(stage + " stage failed: " + describe(cause), cause);
    this.stage = stage;
  }

  public String stage() {
    return stage;
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.replace('\n', ' ');
  }
}
