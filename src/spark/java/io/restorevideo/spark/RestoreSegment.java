package io.restorevideo.spark;

import io.restorevideo.api.JobSummary;
import io.restorevideo.batch.JobRecipe;
import io.restorevideo.batch.JobTemplate;
import io.restorevideo.batch.SegmentResult;
import io.restorevideo.batch.SegmentTask;
import io.restorevideo.batch.SegmentWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * What a Spark task does, on the executor: takes a job template of this JVM's pool (networks loaded once per
 * executor), restores the segment under the attempt's own name and commits it onto the part's name. The
 * warnings travel back in the result; the driver shows them.
 */
final class RestoreSegment implements Function<SegmentTask, SegmentResult> {
  private static final long serialVersionUID = 1L;

  private final JobRecipe recipe;
  private final boolean gpu;

  RestoreSegment(JobRecipe recipe, boolean gpu) {
    this.recipe = recipe;
    this.gpu = gpu;
  }

  @Override
  public SegmentResult call(SegmentTask task) throws Exception {
    long t0 = System.nanoTime();
    TaskContext context = TaskContext.get();
    String device = gpu ? GpuAddress.device(context == null ? null : context.resourcesJMap()) : null;
    long attemptId = context == null ? 0 : context.taskAttemptId();
    Path part = Path.of(task.part());
    Files.createDirectories(part.getParent());
    Path attempt = PartCommit.attemptName(part, attemptId);
    List<String> warnings = new CopyOnWriteArrayList<>();
    JobTemplate template = TemplatePool.borrow(recipe, device);
    JobSummary summary;
    try {
      summary = new SegmentWorker(template).restore(task.plan(), task.fidelity(), attempt, p -> {}, warnings::add);
    } finally {
      TemplatePool.giveBack(recipe, device, template);
    }
    PartCommit.commit(attempt, part);
    long faces = summary.faces() == null ? 0 : summary.faces().facesRestored();
    return new SegmentResult(task.plan().frames().frames(), faces, (System.nanoTime() - t0) / 1e9, warnings);
  }
}
