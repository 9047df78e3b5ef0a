package io.restorevideo.pipeline;

import io.restorevideo.restore.FrameFaceRestorer;
import io.restorevideo.restore.RestoredFace;
import io.restorevideo.face.align.AlignedFace;
import io.restorevideo.face.DetectedFace;
import java.util.ArrayList;
import java.util.List;

/**
 * The restore stage: gathers the aligned crops ({@link AlignStage}) of consecutive frames into network
 * batches of up to {@code batchSize} faces. A batch runs as soon as it is full, and {@link #flush} runs the
 * partial one, so every frame this stage has seen leaves it with its faces restored (the
 * {@link FrameStage} contract: the ring releases them right after flush). Faces of gray and colour tracks go
 * into separate calls, since the gray handling applies to a whole call. With {@code --temporal} on, each
 * batch's faces are then stabilised in frame order by {@link TemporalFusion}.
 */
final class RestoreStage implements FrameStage {
  private final FrameFaceRestorer faces;
  private final int batchSize;
  private final FaceStats stats;
  private final TemporalFusion temporal;
  private final List<FaceFrame> pending = new ArrayList<>();
  private final List<Long> pendingIndex = new ArrayList<>();
  private int pendingFaces;

  /** @param temporal {@code --temporal} strength, 0 = each face as restored */
  RestoreStage(FrameFaceRestorer faces, int batchSize, double temporal, FaceStats stats) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.faces = faces;
    this.batchSize = batchSize;
    this.stats = stats;
    this.temporal = new TemporalFusion(temporal);
  }

  @Override
  public String name() {
    return "restore";
  }

  @Override
  public void onFrame(FrameSlot slot) {
    FaceFrame frame = slot.attachment(FaceFrame.KEY, FaceFrame.class);
    // a warm-up frame only feeds the tracker; it is never written, so its faces need no network
    if (frame == null || frame.faces().isEmpty() || slot.warmup()) {
      return;
    }
    pending.add(frame);
    pendingIndex.add(slot.index());
    pendingFaces += frame.faces().size();
    if (pendingFaces >= batchSize) {
      flush();
    }
  }

  @Override
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<List<RestoredFace>> results = new ArrayList<>();
    for (FaceFrame f : pending) {
      List<RestoredFace> slots = new ArrayList<>(f.faces().size());
      for (int i = 0; i < f.faces().size(); i++) {
        slots.add(null);
      }
      results.add(slots);
    }
    restoreGroup(false, results);
    restoreGroup(true, results);
    for (int k = 0; k < pending.size(); k++) {
      pending.get(k).restored(results.get(k));
      if (temporal.on()) {
        stabilise(pendingIndex.get(k), pending.get(k));
      }
    }
    pending.clear();
    pendingIndex.clear();
    pendingFaces = 0;
  }

  private void stabilise(long index, FaceFrame frame) {
    for (int i = 0; i < frame.faces().size(); i++) {
      temporal.fuse(index, frame.faces().get(i).trackId(), frame.restored().get(i));
    }
    temporal.endFrame();
  }

  /** One network call (split by the restorer into its own batches) for the pending faces of one gray kind. */
  private void restoreGroup(boolean gray, List<List<RestoredFace>> results) {
    List<DetectedFace> dets = new ArrayList<>();
    List<AlignedFace> crops = new ArrayList<>();
    List<int[]> where = new ArrayList<>();
    for (int k = 0; k < pending.size(); k++) {
      FaceFrame f = pending.get(k);
      List<DetectedFace> frameDets = f.detections();
      for (int i = 0; i < frameDets.size(); i++) {
        if (f.gray(i) == gray) {
          dets.add(frameDets.get(i));
          crops.add(f.aligned().get(i));
          where.add(new int[] {k, i});
        }
      }
    }
    if (crops.isEmpty()) {
      return;
    }
    List<RestoredFace> restored = faces.restore(dets, crops, gray);
    stats.batches += (crops.size() + batchSize - 1) / batchSize;
    for (int j = 0; j < restored.size(); j++) {
      results.get(where.get(j)[0]).set(where.get(j)[1], restored.get(j));
    }
  }

  @Override
  public void close() {
    // only reached with frames queued after a failure: the job is ending and JavaCPP frees their images when
    // they are collected
    pending.clear();
    pendingIndex.clear();
    temporal.close();
  }
}
