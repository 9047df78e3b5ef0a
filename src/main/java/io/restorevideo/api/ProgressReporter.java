package io.restorevideo.api;

import io.restorevideo.pipeline.FaceStats;
import io.restorevideo.pipeline.ProgressListener;
import io.restorevideo.pipeline.StageTiming;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns the pipeline's counters into {@link JobProgress} reports at a steady rate, from its own daemon
 * thread: a stage that holds frames for a while (the first face batch, a slow network) still gets its
 * regular lines, with the frame count standing still.
 */
final class ProgressReporter implements ProgressListener {
  private final Consumer<JobProgress> listener;
  private final Duration every;
  private final Supplier<FaceStats> faces;
  private volatile List<StageTiming> timings = List.of();
  private volatile double totalSeconds;
  private volatile double frameRate;
  private volatile long totalFrames = -1;
  private volatile long frames;
  private volatile double mediaSeconds;
  private volatile long start = System.nanoTime();
  private ScheduledExecutorService timer;

  /**
   * @param faces the face counters once the stages exist (may give null: no faces)
   * @param frameRate frames per second of the input (0: unknown), to turn a duration into a frame total
   * @param maxFrames a frame limit on the job, or Long.MAX_VALUE
   */
  ProgressReporter(Consumer<JobProgress> listener, Duration every, Supplier<FaceStats> faces, double frameRate,
      long maxFrames) {
    this.listener = listener;
    this.every = every;
    this.faces = faces;
    this.frameRate = frameRate;
    this.totalFrames = maxFrames == Long.MAX_VALUE ? -1 : maxFrames;
  }

  @Override
  public void timings(List<StageTiming> timings) {
    this.timings = timings;
  }

  @Override
  public synchronized void started(double totalSeconds) {
    this.totalSeconds = totalSeconds;
    if (totalSeconds > 0 && frameRate > 0) {
      long byTime = Math.round(totalSeconds * frameRate);
      totalFrames = totalFrames < 0 ? byTime : Math.min(totalFrames, byTime);
    }
    start = System.nanoTime();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "progress");
      t.setDaemon(true);
      return t;
    });
    long ms = Math.max(1, every.toMillis());
    timer.scheduleAtFixedRate(() -> listener.accept(snapshot(false)), ms, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public void progress(long frames, double mediaSeconds) {
    this.frames = frames;
    this.mediaSeconds = mediaSeconds;
  }

  /** Stops the timer; after a job that finished, sends the last report with the final counts. */
  synchronized void end(boolean finished) {
    if (timer == null) {
      return;
    }
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timer = null;
    if (finished) {
      listener.accept(snapshot(true));
    }
  }

  private JobProgress snapshot(boolean done) {
    double wall = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    long n = frames;
    double fps = n / wall;
    Map<String, Double> busy = new LinkedHashMap<>();
    for (StageTiming t : timings) {
      busy.put(t.name(), Math.min(1.0, round3(t.seconds() / wall)));
    }
    FaceStats stats = faces.get();
    double eta = -1;
    if (done) {
      eta = 0;
    } else if (totalFrames > 0 && n > 0) {
      eta = Math.max(0, (totalFrames - n) / fps);
    } else if (totalSeconds > 0 && mediaSeconds > 0) {
      eta = Math.max(0, wall * (totalSeconds - mediaSeconds) / mediaSeconds);
    }
    return new JobProgress(n, done ? n : totalFrames, mediaSeconds, totalSeconds,
        round3(fps), stats == null ? -1 : stats.facesRestored(), busy, eta < 0 ? -1 : round3(eta), done);
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
