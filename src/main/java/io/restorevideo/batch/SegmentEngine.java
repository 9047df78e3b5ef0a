package io.restorevideo.batch;

import java.util.List;

/**
 * Runs segment tasks: on local threads ({@link LocalEngine}) or elsewhere (a Spark cluster). The batch keeps
 * the plan, the journal and the join; the engine only turns tasks into committed parts and says so through
 * {@link SegmentEvents} as each one ends. Tasks are started in list order as far as the engine can.
 */
public interface SegmentEngine extends AutoCloseable {
  /** Returns when every task is done, failed or left out (its video had failed). */
  void run(List<SegmentTask> tasks, SegmentEvents events);

  /** Releases what the engine holds (threads, a cluster connection, networks). */
  @Override
  default void close() {}
}
