package io.restorevideo.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of an output folder's batch work, in {@code OUTDIR/.restore-video/journal.json}: per output
 * (by its path relative to OUTDIR) the input and settings fingerprints, the segment plan and which parts are
 * complete. Every change is written to a temporary file, flushed and renamed over the journal, so a kill at
 * any moment leaves the old or the new journal, never a torn one. The folder is locked while open
 * ({@code .restore-video/lock}). Thread-safe.
 */
public final class Journal implements AutoCloseable {
  public static final String DIR = ".restore-video";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  /** One output video. */
  public static final class Video {
    public String input;
    public String inputFingerprint;
    public String settings;
    public State state = State.PLANNED;
    public List<Segment> segments = new ArrayList<>();
    public long frames;
    public String error;
  }

  /** One segment of a video, by its frames and the pts that find them. */
  public static final class Segment {
    public int index;
    public long first;
    public long end;
    public State state = State.PLANNED;
    public String part;
  }

  /** Where a video or segment stands. */
  public enum State { PLANNED, DONE, FAILED }

  private static final class Content {
    int version = 1;
    Map<String, Video> videos = new LinkedHashMap<>();
  }

  private final Path dir;
  private final Path file;
  private final JournalLock lock;
  private final Content content;

  private Journal(Path dir, JournalLock lock, Content content) {
    this.dir = dir;
    this.file = dir.resolve("journal.json");
    this.lock = lock;
    this.content = content;
  }

  /** Opens (creating) the journal of {@code outdir} and locks it; a second opener is refused. */
  public static Journal open(Path outdir) {
    Path dir = outdir.resolve(DIR);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new JournalException(outdir + ": cannot create " + dir + " (" + e.getMessage() + ")", e);
    }
    JournalLock lock = JournalLock.acquire(dir.resolve("lock"), outdir);
    try {
      Path file = dir.resolve("journal.json");
      Content c = new Content();
      if (Files.exists(file)) {
        c = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Content.class);
        if (c == null || c.videos == null) {
          c = new Content();
        }
      }
      return new Journal(dir, lock, c);
    } catch (IOException | JsonParseException e) {
      lock.close();
      // Gson's parse messages carry a second line (a link): the user gets one line
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new JournalException(dir.resolve("journal.json") + ": unreadable journal (" + why
          + "); remove it to start over", e);
    }
  }

  /** The entry of an output, or null. */
  public synchronized Video video(String output) {
    return content.videos.get(output);
  }

  /** Replaces the entry of an output and saves. */
  public synchronized void put(String output, Video video) {
    content.videos.put(output, video);
    save();
  }

  /** Applies a change to an existing entry and saves. */
  public synchronized void update(String output, java.util.function.Consumer<Video> change) {
    change.accept(content.videos.get(output));
    save();
  }

  /** The folder for the parts of one output (created on demand). */
  public Path partsDir(String output) {
    return dir.resolve("parts").resolve(Fingerprints.settings(output).substring(0, 16));
  }

  private void save() {
    Path tmp = dir.resolve("journal.json.tmp");
    try {
      Files.writeString(tmp, GSON.toJson(content), StandardCharsets.UTF_8);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new JournalException(file + ": cannot write the journal (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void close() {
    lock.close();
  }
}
