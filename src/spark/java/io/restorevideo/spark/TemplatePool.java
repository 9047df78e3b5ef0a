package io.restorevideo.spark;

import io.restorevideo.batch.JobRecipe;
import io.restorevideo.batch.JobTemplate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The job templates of this executor JVM, by recipe and device, made on first need and kept for every later
 * task: networks load once per executor (once per task slot that runs at the same time, since one set of
 * networks serves one job at a time, as with the local batch's workers) and are reused by every task after.
 */
final class TemplatePool {
  private record Key(JobRecipe recipe, String device) {}

  private static final Map<Key, ConcurrentLinkedDeque<JobTemplate>> IDLE = new ConcurrentHashMap<>();

  private TemplatePool() {}

  /** A template no other task is using, made from {@code recipe} if none is idle. */
  static JobTemplate borrow(JobRecipe recipe, String device) {
    JobTemplate t = idle(recipe, device).pollFirst();
    return t != null ? t : Objects.requireNonNull(recipe.template(device), "recipe made no template");
  }

  /** Gives a template back for the next task of the same recipe and device. */
  static void giveBack(JobRecipe recipe, String device, JobTemplate template) {
    idle(recipe, device).addFirst(template);
  }

  /** Idle templates of a recipe and device (for tests: how many sets of networks this JVM holds). */
  static int idleCount(JobRecipe recipe, String device) {
    return idle(recipe, device).size();
  }

  private static ConcurrentLinkedDeque<JobTemplate> idle(JobRecipe recipe, String device) {
    return IDLE.computeIfAbsent(new Key(recipe, device), k -> new ConcurrentLinkedDeque<>());
  }
}
