package io.restorevideo.spark;

import io.restorevideo.api.UserException;
import io.restorevideo.batch.SegmentTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line for a segment whose task failed for good. Spark reports a task's failure as text (the executor's
 * exception class and message after "most recent failure: Lost task ..."); the line keeps the tool's own
 * message, which already names the file and the problem, and says how many attempts Spark made.
 */
final class TaskFailure {
  private static final Pattern ATTEMPTS = Pattern.compile("failed (\\d+) times?");
  private static final Pattern CAUSE = Pattern.compile("\\): ([\\w.$]+): ([^\\n]*)");
  private static final String OURS = "io.restorevideo.";
  private static final int LONG = 200;

  private TaskFailure() {}

  /** Spark's own messages can run on for a page (a stopped context quotes two stack traces on one line). */
  private static String firstSentence(String line) {
    int stop = line.indexOf(". ");
    return line.length() > LONG && stop > 0 ? line.substring(0, stop + 1) : line;
  }

  static UserException of(SegmentTask task, Throwable failure) {
    String text = String.valueOf(failure.getMessage());
    String where = task.plan().input() + " segment " + task.plan().index();
    Matcher cause = CAUSE.matcher(text);
    String why;
    if (cause.find()) {
      String type = cause.group(1);
      why = type.startsWith(OURS) || type.equals("java.io.UncheckedIOException") ? cause.group(2)
          : where + ": " + type.substring(type.lastIndexOf('.') + 1) + ": " + cause.group(2);
    } else {
      why = where + ": " + firstSentence(text.lines().findFirst().orElse(failure.getClass().getSimpleName()));
    }
    Matcher attempts = ATTEMPTS.matcher(text);
    String tries = attempts.find() ? " (Spark tried " + attempts.group(1) + " times)" : "";
    return new UserException(why + tries, failure);
  }
}
