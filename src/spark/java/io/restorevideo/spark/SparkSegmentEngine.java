package io.restorevideo.spark;

import io.restorevideo.batch.ClusterRequest;
import io.restorevideo.batch.SegmentEngine;
import io.restorevideo.batch.SegmentEvents;
import io.restorevideo.batch.SegmentResult;
import io.restorevideo.batch.SegmentTask;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch's segments as Spark tasks: one single-partition job per segment, so the driver hears of each
 * segment the moment it ends (and Spark retries a failed task on its own). Jobs are submitted in the batch's
 * order, a few more than the cluster has cores so that no executor waits for the driver; a task whose video
 * has failed meanwhile is not submitted. Each job's result is handed to the batch on the thread that waited
 * for it, so a video's join runs there while other segments go on.
 */
final class SparkSegmentEngine implements SegmentEngine {
  private static final Logger LOG = LoggerFactory.getLogger(SparkSegmentEngine.class);
  /** Jobs in flight at least, and per core of the cluster. */
  private static final int MIN_IN_FLIGHT = 4;
  private static final int IN_FLIGHT_PER_CORE = 2;

  private final SparkConf conf;
  private final RestoreSegment function;
  private JavaSparkContext sc;

  /** Settles the settings now (a missing Spark shows here); connects on the first segment to run. */
  SparkSegmentEngine(ClusterRequest request) {
    this.conf = EngineConf.of(request);
    this.function = new RestoreSegment(request.recipe(), request.gpu());
  }

  @Override
  public void run(List<SegmentTask> tasks, SegmentEvents events) {
    if (tasks.isEmpty()) {
      return; // every video up to date or failed before it ran: no cluster to start
    }
    if (sc == null) {
      sc = new JavaSparkContext(conf);
    }
    ExecutorService waiters = Executors.newCachedThreadPool(named("spark-segment-"));
    Object lock = new Object();
    AtomicInteger inFlight = new AtomicInteger();
    try {
      for (SegmentTask task : tasks) {
        synchronized (lock) {
          while (inFlight.get() >= window()) {
            lock.wait(1000); // the window grows as executors join
          }
        }
        if (!events.wanted(task)) {
          continue;
        }
        inFlight.incrementAndGet();
        waiters.execute(() -> {
          try {
            runOne(task, events);
          } finally {
            synchronized (lock) {
              inFlight.decrementAndGet();
              lock.notifyAll();
            }
          }
        });
      }
      synchronized (lock) {
        while (inFlight.get() > 0) {
          lock.wait(1000);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sc.cancelAllJobs();
      throw new IllegalStateException("interrupted while Spark runs the segments", e);
    } finally {
      waiters.shutdown();
    }
  }

  private int window() {
    return Math.max(MIN_IN_FLIGHT, IN_FLIGHT_PER_CORE * sc.defaultParallelism());
  }

  private void runOne(SegmentTask task, SegmentEvents events) {
    SegmentResult result;
    long t0 = System.nanoTime();
    try {
      sc.setJobDescription(task.video() + " segment " + task.plan().index());
      result = sc.parallelize(List.of(task), 1).map(function).collect().get(0);
    } catch (Exception e) { // SparkException is checked, yet Scala throws it from collect()
      events.failed(task, TaskFailure.of(task, e));
      return;
    }
    // the driver's wait includes queueing for a free task slot, so it bounds Spark's per-task cost from above
    LOG.debug("{} segment {}: {} ms on the executor, {} ms from submission to result", task.video(),
        task.plan().index(), Math.round(result.seconds() * 1000), Math.round((System.nanoTime() - t0) / 1e6));
    events.done(task, result);
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    if (sc != null) {
      sc.close();
    }
  }
}
