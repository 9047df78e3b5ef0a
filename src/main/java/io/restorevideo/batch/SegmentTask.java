package io.restorevideo.batch;

import java.io.Serializable;

/**
 * One segment to restore, as an engine ships it to whoever runs it: the output it belongs to ({@code video},
 * the key the journal files it under), its plan, the video's own {@code w} from a batch list line (null for
 * the batch's) and where its finished part must appear ({@code part}, a local path or a file system URI).
 * Pure data.
 */
public record SegmentTask(String video, SegmentPlan plan, Double fidelity, String part) implements Serializable {}
