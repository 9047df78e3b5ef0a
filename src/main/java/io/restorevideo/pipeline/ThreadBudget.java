package io.restorevideo.pipeline;

import org.bytedeco.opencv.global.opencv_core;

/**
 * One thread budget for a video job, so that its stages, which all run at once, do not ask for more threads
 * than the machine has cores (each stage of the ring has its own thread; see the package documentation):
 *
 * <ul>
 *   <li>the networks' intra-op threads (libtorch): {@code cores - 1}, at least 1; the one core left is shared
 *       by the CPU stages (decode, prepare, track, align, composite, encode), which are light next to a network on the CPU;
 *   <li>libtorch inter-op threads: 1 (these networks have no parallel branches worth a pool);
 *   <li>OpenCV's pool: {@code cores / 4}, at least 1, because four stages call OpenCV at the same time;
 *   <li>composite workers (frames pasted at once, outside the exact mode): {@code cores / 4}, 1 to 4; on a GPU
 *       machine the paste is the CPU stage that would otherwise hold the GPU back (issue 18);
 *   <li>prepare workers (frames converted to BGR, prepared and reduced to the tracker's gray frame and cut
 *       thumbnail at once) and align workers (frames whose faces are warped into crops at once): {@code cores / 4},
 *       1 to 4 each, for the same reason: what they take off the sequential track and restore stages is what
 *       would otherwise cap the frame rate on a GPU machine. Bit-identical output with any count;
 *   <li>convert workers (frames converted back to the encoder's format at once, in a job with stages):
 *       {@code cores / 4}, 1 to 4, for the same reason: on the encoder's one thread the conversion capped a
 *       face job's frame rate (part 7).
 * </ul>
 *
 * <p>Each worker count has its own override, {@code -Drestorevideo.composite.workers=N},
 * {@code -Drestorevideo.prepare.workers=N}, {@code -Drestorevideo.align.workers=N} and
 * {@code -Drestorevideo.convert.workers=N} (benchmarks; a machine whose cores are busy with other work): the
 * stages cost different amounts per frame (docs/benchmarks.md, "CPU-side stages" parts 6 and 7), so each is
 * tuned on its own.
 *
 * <p>A value the user set ({@code -Dai.djl.pytorch.num_threads}, {@code -Dai.djl.pytorch.num_interop_threads})
 * wins. The libtorch values are read when the engine starts, so {@link #apply} must run before the first
 * network loads.
 */
public record ThreadBudget(int cores, int networkThreads, int openCvThreads, int compositeWorkers,
    int prepareWorkers, int alignWorkers, int convertWorkers) {
  static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";
  static final String TORCH_INTEROP = "ai.djl.pytorch.num_interop_threads";
  /** The stages besides the network that call OpenCV most, concurrently: decode, track, composite, encode. */
  private static final int CPU_STAGES = 4;
  static final String COMPOSITE_WORKERS = "restorevideo.composite.workers";
  static final String PREPARE_WORKERS = "restorevideo.prepare.workers";
  static final String ALIGN_WORKERS = "restorevideo.align.workers";
  static final String CONVERT_WORKERS = "restorevideo.convert.workers";
  /** Beyond this many, a frame-parallel stage outruns decoding and encoding, which stay one thread each. */
  private static final int MAX_FRAME_WORKERS = 4;

  public static ThreadBudget of(int cores) {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be at least 1, got " + cores);
    }
    int frameWorkers = Math.max(1, Math.min(MAX_FRAME_WORKERS, cores / CPU_STAGES));
    return new ThreadBudget(cores, Math.max(1, cores - 1), Math.max(1, cores / CPU_STAGES),
        workers(COMPOSITE_WORKERS, frameWorkers), workers(PREPARE_WORKERS, frameWorkers),
        workers(ALIGN_WORKERS, frameWorkers), workers(CONVERT_WORKERS, frameWorkers));
  }

  /** {@code fallback}, unless the system property {@code property} sets the count. */
  private static int workers(String property, int fallback) {
    int count = Integer.getInteger(property, fallback);
    if (count < 1) {
      throw new IllegalArgumentException("-D" + property + " must be at least 1, got " + count);
    }
    return count;
  }

  /** The budget for the cores this JVM may use. */
  public static ThreadBudget forThisMachine() {
    return of(Runtime.getRuntime().availableProcessors());
  }

  /** Sets OpenCV's pool now and libtorch's thread counts for when its engine starts (unless set already). */
  public void apply() {
    opencv_core.setNumThreads(openCvThreads);
    setIfAbsent(TORCH_THREADS, networkThreads);
    setIfAbsent(TORCH_INTEROP, 1);
  }

  private static void setIfAbsent(String property, int value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, Integer.toString(value));
    }
  }
}
