package io.restorevideo.batch;

import io.restorevideo.api.JobSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The in-process engine: one thread per job template, each with its own {@link SegmentWorker} (and so its own
 * networks), taking tasks in order until none is left. Events are raised on the worker's thread, so the batch's
 * join of a finished video runs there too, beside the other workers' segments.
 */
public final class LocalEngine implements SegmentEngine {
  private final List<JobTemplate> templates;

  /** {@code templates}: one per parallel worker, each holding its own loaded networks. */
  public LocalEngine(List<JobTemplate> templates) {
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("at least one worker");
    }
    this.templates = List.copyOf(templates);
  }

  @Override
  public void run(List<SegmentTask> tasks, SegmentEvents events) {
    ConcurrentLinkedQueue<SegmentTask> queue = new ConcurrentLinkedQueue<>(tasks);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      SegmentWorker worker = new SegmentWorker(templates.get(i));
      Thread t = new Thread(() -> {
        SegmentTask task;
        while ((task = queue.poll()) != null) {
          if (events.wanted(task)) {
            runOne(worker, task, events);
          }
        }
      }, "batch-worker-" + i);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the workers run", e);
      }
    }
  }

  private static void runOne(SegmentWorker worker, SegmentTask task, SegmentEvents events) {
    long t0 = System.nanoTime();
    JobSummary s;
    try {
      s = worker.restore(task.plan(), task.fidelity(), java.nio.file.Path.of(task.part()),
          p -> events.progress(task, p.frames()), line -> events.warning(task, line));
    } catch (RuntimeException e) {
      events.failed(task, e);
      return;
    }
    long faces = s.faces() == null ? 0 : s.faces().facesRestored();
    events.done(task, new SegmentResult(task.plan().frames().frames(), faces, (System.nanoTime() - t0) / 1e9,
        List.of()));
  }
}
