package io.restorevideo.batch;

import io.restorevideo.api.UserException;
import io.restorevideo.api.VideoParts;
import io.restorevideo.media.VideoIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Runs a batch: plans every input against the journal (finished videos are left alone, finished segments
 * reused, a changed input or changed settings start that video over), hands the segments to an engine (local
 * threads, or a cluster), records each segment in the journal as the engine reports it done, and joins a
 * video as soon as its last segment is in. A failing input is recorded with its reason and the batch goes on.
 */
public final class BatchRunner {
  /**
   * @param settings canonical text of every option that changes the result; a change redoes the videos
   * @param lossless the video codec keeps every pixel (the disk estimate then counts raw-like sizes)
   */
  public record Options(Path outdir, double segmentSeconds, int warmupFrames, String format, boolean force,
      String settings, boolean lossless) {}

  private final Options options;
  private final SegmentEngine engine;
  private final BatchListener listener;
  private final String settings;

  /** {@code workers}: one template per parallel worker, each holding its own loaded networks. */
  public BatchRunner(Options options, List<JobTemplate> workers, BatchListener listener) {
    this(options, new LocalEngine(workers), listener);
  }

  /** Runs the segments on {@code engine} (which the caller closes). */
  public BatchRunner(Options options, SegmentEngine engine, BatchListener listener) {
    this.options = options;
    this.engine = engine;
    this.listener = listener;
    this.settings = Fingerprints.settings(options.settings());
  }

  /** One input's state during the run. */
  private static final class Work {
    final Sources.Source source;
    final String key;
    final Path output;
    List<SegmentPlan> plans = List.of();
    final AtomicInteger remaining = new AtomicInteger();
    final AtomicLong faces = new AtomicLong();
    final AtomicLong nanos = new AtomicLong();
    volatile String error;
    VideoOutcome outcome;
    int reused;
    long frames;

    Work(Sources.Source source, String key, Path output) {
      this.source = source;
      this.key = key;
      this.output = output;
    }

    String input() {
      return source.input().toString();
    }
  }

  private record Task(Work work, SegmentPlan plan) {}

  public BatchReport run(List<Sources.Source> sources) {
    long started = System.nanoTime();
    try (Journal journal = Journal.open(options.outdir())) {
      List<Work> works = new ArrayList<>();
      List<Task> tasks = new ArrayList<>();
      Map<String, Work> byKey = new HashMap<>();
      long framesTotal = 0;
      long bytesNeeded = 0;
      for (Sources.Source s : sources) {
        String key = Sources.outputName(s.relative(), options.format()).replace('\\', '/');
        Work w = new Work(s, key, options.outdir().resolve(key));
        works.add(w);
        Work other = byKey.putIfAbsent(key, w);
        if (s.problem() != null) {
          fail(w, w.input() + ": " + s.problem());
        } else if (other != null) {
          fail(w, w.input() + ": its output " + key + " is also the output of " + other.input());
        } else {
          plan(w, journal);
        }
        if (w.outcome == null) {
          List<SegmentPlan> pending = pendingSegments(w, journal);
          w.remaining.set(pending.size());
          for (SegmentPlan p : pending) {
            tasks.add(new Task(w, p));
            framesTotal += p.frames().frames();
          }
          if (pending.isEmpty()) {
            tasks.add(new Task(w, null));
          }
          bytesNeeded += estimateBytes(w, pending);
        }
      }
      DiskSpace.require(options.outdir(), bytesNeeded);
      execute(works, tasks, journal, framesTotal);
      int run = 0;
      List<VideoOutcome> outcomes = new ArrayList<>();
      for (Work w : works) {
        outcomes.add(w.outcome);
        if (w.outcome.state() == VideoOutcome.State.DONE) {
          run += w.plans.size() - w.reused;
        }
      }
      return BatchReport.of(options.outdir().toString(), outcomes, run, (System.nanoTime() - started) / 1e9);
    }
  }

  /** The settings fingerprint of one video: the batch's, and the {@code w} its list line gives, if any. */
  private String settingsOf(Sources.Source source) {
    return source.fidelity() == null ? settings
        : Fingerprints.settings(options.settings() + "list-w=" + source.fidelity() + "\n");
  }

  private void plan(Work w, Journal journal) {
    String fingerprint;
    try {
      fingerprint = Fingerprints.input(w.source.input());
    } catch (UncheckedIOException e) {
      fail(w, e.getMessage());
      return;
    }
    Journal.Video v = journal.video(w.key);
    String videoSettings = settingsOf(w.source);
    boolean same = !options.force() && v != null && fingerprint.equals(v.inputFingerprint)
        && videoSettings.equals(v.settings);
    if (same && v.state == Journal.State.DONE && Files.exists(w.output)) {
      w.outcome = new VideoOutcome(w.input(), w.output.toString(), VideoOutcome.State.UP_TO_DATE, v.frames, 0, 0,
          v.segments.size(), v.segments.size(), null);
      listener.note(w.input() + ": up to date (" + w.output + "), nothing to do");
      return;
    }
    VideoIndex index;
    try {
      index = VideoParts.scan(w.input());
    } catch (UserException e) {
      fail(w, e.getMessage());
      return;
    }
    if (index.frames() == 0) {
      fail(w, w.input() + ": no video frame");
      return;
    }
    w.plans = SegmentPlanner.plan(w.input(), index, options.segmentSeconds(), options.warmupFrames());
    w.frames = index.frames();
    if (same && matches(v, w.plans)) {
      v.state = Journal.State.PLANNED;
      journal.put(w.key, v);
      return;
    }
    deleteParts(journal.partsDir(w.key));
    Journal.Video fresh = new Journal.Video();
    fresh.input = w.source.input().toAbsolutePath().toString();
    fresh.inputFingerprint = fingerprint;
    fresh.settings = videoSettings;
    fresh.frames = index.frames();
    for (SegmentPlan p : w.plans) {
      Journal.Segment s = new Journal.Segment();
      s.index = p.index();
      s.first = p.frames().first();
      s.end = p.frames().end();
      s.part = partName(w, p.index());
      fresh.segments.add(s);
    }
    journal.put(w.key, fresh);
  }

  private static boolean matches(Journal.Video v, List<SegmentPlan> plans) {
    if (v.segments.size() != plans.size()) {
      return false;
    }
    for (int i = 0; i < plans.size(); i++) {
      Journal.Segment s = v.segments.get(i);
      if (s.first != plans.get(i).frames().first() || s.end != plans.get(i).frames().end()) {
        return false;
      }
    }
    return true;
  }

  /** The segments still to run; finished ones whose part is on disk count as reused. */
  private List<SegmentPlan> pendingSegments(Work w, Journal journal) {
    Journal.Video v = journal.video(w.key);
    List<SegmentPlan> pending = new ArrayList<>();
    for (SegmentPlan p : w.plans) {
      Journal.Segment s = v.segments.get(p.index());
      if (s.state == Journal.State.DONE && Files.exists(partPath(journal, w, p.index()))) {
        w.reused++;
      } else {
        pending.add(p);
      }
    }
    if (w.reused > 0) {
      listener.note(w.input() + ": " + w.reused + " of " + w.plans.size() + " segments reused from an earlier run");
    }
    return pending;
  }

  private String partName(Work w, int index) {
    String name = w.output.getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1);
    return String.format(Locale.ROOT, "seg-%05d.%s", index, ext);
  }

  private Path partPath(Journal journal, Work w, int index) {
    return journal.partsDir(w.key).resolve(partName(w, index));
  }

  /** A rough upper bound: parts and the joined output exist side by side until the join is done. */
  private long estimateBytes(Work w, List<SegmentPlan> pending) {
    try {
      long input = Files.size(w.source.input());
      double share = w.plans.isEmpty() ? 1 : pending.stream().mapToLong(p -> p.frames().frames()).sum()
          / (double) Math.max(1, w.frames);
      double factor = options.lossless() ? 20 : 1;
      return (long) (input * factor * (1 + share));
    } catch (IOException e) {
      return 0;
    }
  }

  private void execute(List<Work> works, List<Task> tasks, Journal journal, long framesTotal) {
    AtomicLong framesDone = new AtomicLong();
    AtomicInteger videosDone = new AtomicInteger((int) works.stream().filter(w -> w.outcome != null).count());
    int videosTotal = works.size();
    Runnable report = () -> listener.progress(videosDone.get(), videosTotal, framesDone.get(), framesTotal);
    List<SegmentTask> segments = new ArrayList<>();
    Map<SegmentTask, Work> workOf = new HashMap<>();
    for (Task task : tasks) {
      Work w = task.work();
      if (task.plan() == null) {
        // every segment was reused: only the join is left
        finish(w, journal, videosDone, () -> {
          join(w, journal);
          videosDone.incrementAndGet();
        });
        report.run();
        continue;
      }
      Path part = partPath(journal, w, task.plan().index());
      try {
        Files.createDirectories(part.getParent());
      } catch (IOException e) {
        throw new JournalException(part.getParent() + ": cannot create (" + e.getMessage() + ")", e);
      }
      SegmentTask s = new SegmentTask(w.key, task.plan(), w.source.fidelity(), part.toString());
      segments.add(s);
      workOf.put(s, w);
    }
    Map<SegmentTask, Long> seen = new ConcurrentHashMap<>();
    engine.run(segments, new SegmentEvents() {
      @Override
      public boolean wanted(SegmentTask task) {
        return workOf.get(task).error == null;
      }

      @Override
      public void progress(SegmentTask task, long frames) {
        Long before = seen.put(task, frames);
        framesDone.addAndGet(frames - (before == null ? 0 : before));
        report.run();
      }

      @Override
      public void warning(SegmentTask task, String line) {
        listener.note("warning: " + line);
      }

      @Override
      public void done(SegmentTask task, SegmentResult result) {
        Work w = workOf.get(task);
        result.warnings().forEach(line -> warning(task, line));
        progress(task, task.plan().frames().frames());
        w.faces.addAndGet(result.faces());
        w.nanos.addAndGet((long) (result.seconds() * 1e9));
        finish(w, journal, videosDone, () -> {
          journal.update(w.key, v -> v.segments.get(task.plan().index()).state = Journal.State.DONE);
          if (w.remaining.decrementAndGet() == 0) {
            long j0 = System.nanoTime();
            join(w, journal);
            w.nanos.addAndGet(System.nanoTime() - j0);
            videosDone.incrementAndGet();
          }
        });
        report.run();
      }

      @Override
      public void failed(SegmentTask task, RuntimeException error) {
        finish(workOf.get(task), journal, videosDone, () -> {
          throw error;
        });
        report.run();
      }
    });
  }

  /**
   * Runs a step of {@code w} where the batch runs (the journal and the join live there); a failure fails the
   * video, once, in the journal too (a segment finished meanwhile is still recorded, for the next run).
   */
  private void finish(Work w, Journal journal, AtomicInteger videosDone, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      String line = e instanceof UserException || e instanceof JournalException ? e.getMessage()
          : w.input() + ": " + e;
      if (failOnce(w, line)) {
        videosDone.incrementAndGet();
        journal.update(w.key, v -> {
          v.state = Journal.State.FAILED;
          v.error = line;
        });
      }
    }
  }

  private void join(Work w, Journal journal) {
    List<Path> parts = new ArrayList<>();
    for (SegmentPlan p : w.plans) {
      parts.add(partPath(journal, w, p.index()));
    }
    try {
      Files.createDirectories(w.output.getParent());
    } catch (IOException e) {
      throw new UserException(w.output.getParent() + ": cannot create (" + e.getMessage() + ")", e);
    }
    PartJoin.join(w.input(), parts, w.output, options.format(), line -> listener.note("warning: " + line));
    journal.update(w.key, v -> v.state = Journal.State.DONE);
    deleteParts(journal.partsDir(w.key));
    w.outcome = new VideoOutcome(w.input(), w.output.toString(), VideoOutcome.State.DONE, w.frames, w.faces.get(),
        w.nanos.get() / 1e9, w.plans.size(), w.reused, null);
  }

  private void fail(Work w, String line) {
    failOnce(w, line);
  }

  private boolean failOnce(Work w, String line) {
    synchronized (w) {
      if (w.error != null) {
        return false;
      }
      w.error = line;
      w.outcome = new VideoOutcome(w.input(), w.output.toString(), VideoOutcome.State.FAILED, 0, 0,
          w.nanos.get() / 1e9, w.plans.size(), w.reused, line);
    }
    listener.note(line);
    return true;
  }

  private static void deleteParts(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot remove old parts (" + e.getMessage() + ")", e);
    }
  }
}
