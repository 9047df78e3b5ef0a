package io.restorevideo.models;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local model cache: finds a model's file, verifies it against the registry, and downloads it when it is
 * missing (unless offline). Downloads go to {@code <file>.part}, are checked for size and SHA-256, then renamed,
 * so the cache only ever holds verified files. A lock per model ({@code <file>.lock}, plus an in-process lock
 * because a JVM cannot lock one file twice) keeps concurrent threads and processes from corrupting each other.
 */
public final class ModelStore {
  private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  /** What the cache holds for a model, judged without hashing. */
  public enum State {
    /** Present and recorded as verified (size, mtime and hash in its sidecar). */
    CACHED,
    /** Present with the right size but not hashed yet (for example placed by hand). */
    UNCHECKED,
    /** Present but the wrong size, or recorded with the wrong hash. */
    CORRUPT,
    /** Only an interrupted download ({@code .part}) is there. */
    PARTIAL,
    MISSING
  }

  /** Outcome of a full verification. {@code actualSha256} is null when the file is missing. */
  public record Verification(ModelInfo model, Path path, boolean present, String actualSha256, long bytes) {
    public boolean ok() {
      return present && (model.sha256() == null || model.sha256().equals(actualSha256))
          && (model.bytes() < 0 || model.bytes() == bytes);
    }
  }

  private final ModelRegistry registry;
  private final Path directory;
  private final String mirror;
  private final boolean offline;
  private final Downloader downloader;
  private final PrintStream messages;

  /**
   * @param mirror a base URL replacing the release base (the model's file name is appended), or null
   * @param messages where one-line notices go (stderr), or null
   */
  public ModelStore(ModelRegistry registry, Path directory, String mirror, boolean offline, Downloader downloader,
      PrintStream messages) {
    this.registry = registry;
    this.directory = directory.toAbsolutePath().normalize();
    this.mirror = mirror == null || mirror.isBlank() ? null : mirror.strip();
    this.offline = offline;
    this.downloader = downloader;
    this.messages = messages;
  }

  /** {@code $RESTORE_VIDEO_HOME/models} (the launcher passes it as {@code restorevideo.home}), else ~/.cache. */
  public static Path defaultDirectory() {
    String home = System.getProperty("restorevideo.home");
    if (home == null || home.isBlank()) {
      home = System.getenv("RESTORE_VIDEO_HOME");
    }
    Path base = home == null || home.isBlank()
        ? Path.of(System.getProperty("user.home"), ".cache", "restore-video")
        : Path.of(home);
    return base.resolve("models");
  }

  public ModelRegistry registry() {
    return registry;
  }

  public Path directory() {
    return directory;
  }

  public boolean offline() {
    return offline;
  }

  /** Where the model's file is or will be. */
  public Path pathOf(ModelInfo model) {
    return directory.resolve(model.file());
  }

  /** The URL it is downloaded from: the registry's, or the mirror base plus the file name. */
  public URI urlOf(ModelInfo model) {
    if (mirror == null) {
      return URI.create(model.url());
    }
    return URI.create(mirror.endsWith("/") ? mirror + model.file() : mirror + "/" + model.file());
  }

  /** The cache state without hashing (for listings). */
  public State state(ModelInfo model) {
    Path file = pathOf(model);
    try {
      if (!Files.isRegularFile(file)) {
        return Files.exists(partOf(file)) ? State.PARTIAL : State.MISSING;
      }
      if (model.bytes() >= 0 && Files.size(file) != model.bytes()) {
        return State.CORRUPT;
      }
      Optional<CacheRecord> record = CacheRecord.current(file);
      if (record.isEmpty()) {
        return State.UNCHECKED;
      }
      return model.sha256() == null || model.sha256().equals(record.get().sha256()) ? State.CACHED : State.CORRUPT;
    } catch (IOException e) {
      return State.CORRUPT;
    }
  }

  /** The verified file of model {@code name}, downloading it first if needed. */
  public Path resolve(String name) {
    return resolve(registry.get(name));
  }

  public Path resolve(ModelInfo model) {
    Path file = pathOf(model);
    if (state(model) == State.CACHED) {
      return file;
    }
    if (offline && !Files.exists(file)) {
      throw new ModelException(offlineMessage(model));
    }
    return withLock(model, () -> ensure(model));
  }

  /** Hashes the cached file in full (ignoring the sidecar) and records the result. */
  public Verification verify(ModelInfo model) {
    Path file = pathOf(model);
    if (!Files.isRegularFile(file)) {
      return new Verification(model, file, false, null, -1);
    }
    return withLock(model, () -> {
      CacheRecord r = CacheRecord.hashAndRecord(file);
      return new Verification(model, file, true, r.sha256(), r.size());
    });
  }

  private Path ensure(ModelInfo model) throws IOException {
    Path file = pathOf(model);
    // Another thread or process may have finished it while this one waited for the lock.
    if (Files.isRegularFile(file)) {
      String problem = problemWith(model, file);
      if (problem == null) {
        return file;
      }
      if (offline) {
        throw new ModelException(file + ": " + problem + "; replace it with " + urlOf(model) + " (--offline is set)");
      }
      notice(file + ": " + problem + "; downloading it again");
      Files.delete(file);
      Files.deleteIfExists(CacheRecord.sidecarOf(file));
    }
    if (offline) {
      throw new ModelException(offlineMessage(model));
    }
    return download(model);
  }

  /** Null when the file matches the registry, else what is wrong (hashing it once if it has no record). */
  private static String problemWith(ModelInfo model, Path file) throws IOException {
    long size = Files.size(file);
    if (model.bytes() >= 0 && size != model.bytes()) {
      return "size " + size + " bytes, expected " + model.bytes();
    }
    CacheRecord r = CacheRecord.current(file).orElse(null);
    if (r == null) {
      r = CacheRecord.hashAndRecord(file);
    }
    if (model.sha256() != null && !model.sha256().equals(r.sha256())) {
      return "SHA-256 mismatch: expected " + model.sha256() + ", got " + r.sha256();
    }
    return null;
  }

  private Path download(ModelInfo model) throws IOException {
    Files.createDirectories(directory);
    Path file = pathOf(model);
    Path part = partOf(file);
    URI url = urlOf(model);
    String size = model.bytes() >= 0 ? " (" + DownloadProgress.mb(model.bytes()) + ")" : "";
    notice("downloading " + model.name() + size + " from " + url + ", licence: " + model.licence());
    try {
      downloader.fetch(url, part, model.bytes(), model.file());
    } catch (ModelException e) {
      throw new ModelException(e.getMessage() + "; " + waysOut(model), e);
    }
    long got = Files.size(part);
    if (model.bytes() >= 0 && got != model.bytes()) {
      Files.deleteIfExists(part);
      throw new ModelException(model.file() + " from " + url + ": got " + got + " bytes, expected " + model.bytes()
          + "; the download was deleted");
    }
    String sha = CacheRecord.sha256(part);
    if (model.sha256() != null && !model.sha256().equals(sha)) {
      Files.deleteIfExists(part);
      throw new ModelException(model.file() + " from " + url + ": SHA-256 mismatch: expected " + model.sha256()
          + ", got " + sha + "; the download was deleted");
    }
    try {
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
    }
    CacheRecord.record(file, sha);
    if (model.sha256() == null) {
      notice(model.name() + " has no published hash; the downloaded " + model.file() + " (" + got
          + " bytes) has SHA-256 " + sha);
    }
    return file;
  }

  /** What a user without this download can do instead, for the end of the one-line error. */
  private String waysOut(ModelInfo model) {
    String role = model.role() == null ? "" : " or --weights " + model.role() + "=PATH to your own copy";
    return "ways out: --mirror URL (a base that serves " + model.file() + ")" + role + ", or place the file at "
        + pathOf(model) + " (restore-video models list shows every file and its URL)";
  }

  private String offlineMessage(ModelInfo model) {
    return model.file() + " (model " + model.name() + ") is not in the model cache and --offline is set: download "
        + urlOf(model) + " and place it at " + pathOf(model);
  }

  private static Path partOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".part");
  }

  private void notice(String line) {
    if (messages != null) {
      messages.println("restore-video: " + line);
      messages.flush();
    }
    LOG.debug(line);
  }

  private interface Locked<T> {
    T run() throws IOException;
  }

  private <T> T withLock(ModelInfo model, Locked<T> action) {
    Path file = pathOf(model);
    ReentrantLock local = LOCKS.computeIfAbsent(file, k -> new ReentrantLock());
    local.lock();
    try {
      FileChannel ch = openLockFile(file);
      if (ch == null) {
        // A read-only cache: nothing can be written there, so reading it needs no lock between processes.
        return action.run();
      }
      try (ch) {
        FileLock lock = ch.tryLock();
        if (lock == null) {
          notice("waiting for another restore-video process that is downloading " + model.file());
          lock = ch.lock();
        }
        try {
          return action.run();
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new ModelException(file + ": " + describe(e), e);
    } finally {
      local.unlock();
    }
  }

  private FileChannel openLockFile(Path file) throws IOException {
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    try {
      Files.createDirectories(directory);
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (FileSystemException e) {
      if (Files.isDirectory(directory) && !Files.isWritable(directory)) {
        return null;
      }
      throw e;
    }
  }

  private static String describe(IOException e) {
    if (e instanceof FileSystemException f) {
      String reason = f.getReason() == null ? e.getClass().getSimpleName() : f.getReason();
      return reason + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
