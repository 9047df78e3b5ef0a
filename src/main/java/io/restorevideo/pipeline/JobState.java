package io.restorevideo.pipeline;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Shared between the decoder thread and the handlers: the first failure, the end signal, progress. */
final class JobState {
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final CountDownLatch done = new CountDownLatch(1);
  final AtomicLong framesEncoded = new AtomicLong();

  boolean failed() {
    return failure.get() != null;
  }

  void fail(RuntimeException e) {
    failure.compareAndSet(null, e);
  }

  RuntimeException failure() {
    return failure.get();
  }

  void finished() {
    done.countDown();
  }

  boolean awaitFinished(long millis) throws InterruptedException {
    return done.await(millis, TimeUnit.MILLISECONDS);
  }
}
