package io.restorevideo.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a URL into a {@code .part} file over HTTP(S), resuming what the file already holds with a
 * {@code Range} request and retrying after a dropped connection. HttpURLConnection is used because its read
 * timeout covers every read of the body; HttpClient's timeout stops at the response headers.
 */
public final class Downloader {
  private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int attempts;
  private final Duration retryDelay;
  private final PrintStream progress;

  /**
   * @param attempts how many connections to try before giving up (each resumes the previous one)
   * @param progress where the progress line goes (stderr), or null for none
   */
  public Downloader(Duration connectTimeout, Duration readTimeout, int attempts, Duration retryDelay,
      PrintStream progress) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.attempts = attempts;
    this.retryDelay = retryDelay;
    this.progress = progress;
  }

  /** 30 s to connect, 60 s without data, 4 attempts 2 s apart, progress on stderr. */
  public static Downloader defaults() {
    return new Downloader(Duration.ofSeconds(30), Duration.ofSeconds(60), 4, Duration.ofSeconds(2), System.err);
  }

  /**
   * Completes {@code part} with the body of {@code url}. {@code expectedBytes} (-1 if unknown) bounds the
   * transfer so a wrong server cannot fill the disk. On failure the part file is kept for the next run.
   */
  public void fetch(URI url, Path part, long expectedBytes, String label) {
    String last = null;
    int tried = 0;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      tried = attempt;
      try {
        if (transfer(url, part, expectedBytes, label)) {
          return;
        }
        last = "the server refused to resume; starting over";
      } catch (SocketTimeoutException e) {
        last = timeoutReason(e);
      } catch (UnknownHostException e) {
        // no network or no DNS: retrying within seconds will not change that
        last = "the name " + url.getHost() + " could not be resolved (no network or no DNS?)";
        break;
      } catch (ConnectException e) {
        last = "the connection to " + url.getHost() + ":" + port(url) + " was refused";
        break;
      } catch (NoRouteToHostException e) {
        last = "no route to " + url.getHost() + " (network unreachable)";
        break;
      } catch (IOException e) {
        last = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
      if (attempt < attempts) {
        String retry = label + ": " + last + "; retrying (" + (attempt + 1) + " of " + attempts + ")";
        if (progress != null) {
          progress.println("restore-video: " + retry);
        }
        LOG.debug(retry);
        sleep();
      }
    }
    throw new ModelException(label + ": download from " + url + " failed"
        + (tried == 1 ? ": " : " after " + tried + " attempts: ") + last + partNote(part));
  }

  private static int port(URI url) {
    if (url.getPort() >= 0) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  private String timeoutReason(SocketTimeoutException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("connect")
        ? "could not connect within " + seconds(connectTimeout) + " (connect timeout)"
        : "no data received for " + seconds(readTimeout) + " (read timeout)";
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static String partNote(Path part) {
    try {
      if (Files.exists(part) && Files.size(part) > 0) {
        return "; the partial download " + part + " is kept and the next run resumes it";
      }
    } catch (IOException e) {
      // only a note
    }
    return "";
  }

  /** One connection; true when the part file is complete, false when it was reset to start over. */
  private boolean transfer(URI url, Path part, long expected, String label) throws IOException {
    long have = Files.exists(part) ? Files.size(part) : 0;
    if (expected >= 0 && have > expected) {
      Files.delete(part);
      have = 0;
    }
    HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
    try {
      c.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
      c.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
      c.setInstanceFollowRedirects(true);
      c.setRequestProperty("User-Agent", "restore-video");
      c.setRequestProperty("Accept-Encoding", "identity");
      if (have > 0) {
        c.setRequestProperty("Range", "bytes=" + have + "-");
      }
      int code = c.getResponseCode();
      long total;
      boolean append;
      if (code == HttpURLConnection.HTTP_PARTIAL && have > 0) {
        total = resumeTotal(c.getHeaderField("Content-Range"), have, c.getContentLengthLong());
        append = true;
      } else if (code == HttpURLConnection.HTTP_OK) {
        // The server ignored the Range header: the body is the whole file again.
        total = c.getContentLengthLong();
        append = false;
        have = 0;
      } else if (code == 416 && have > 0) {
        if (have == expected) {
          return true;
        }
        Files.delete(part);
        return false;
      } else if (code >= 400 && code < 500 && code != 408 && code != 429) {
        throw new ModelException(label + ": " + url + " answered HTTP " + code + " "
            + String.valueOf(c.getResponseMessage()).trim() + "; check the URL or the --mirror base");
      } else {
        throw new IOException("HTTP " + code + " " + String.valueOf(c.getResponseMessage()).trim());
      }
      if (total < 0) {
        total = expected;
      } else if (expected >= 0 && total != expected) {
        throw new ModelException(label + ": " + url + " serves " + total + " bytes but the registry says "
            + expected + "; not downloading it");
      }
      try (InputStream in = c.getInputStream()) {
        copy(in, part, append, have, total, label);
      }
      return true;
    } finally {
      c.disconnect();
    }
  }

  private static long resumeTotal(String contentRange, long have, long length) throws IOException {
    Matcher m = contentRange == null ? null : CONTENT_RANGE.matcher(contentRange.trim());
    if (m == null || !m.matches() || Long.parseLong(m.group(1)) != have) {
      throw new IOException("the server resumed at the wrong place (Content-Range " + contentRange + ")");
    }
    if (!m.group(3).equals("*")) {
      return Long.parseLong(m.group(3));
    }
    return length < 0 ? -1 : have + length;
  }

  private void copy(InputStream in, Path part, boolean append, long have, long total, String label)
      throws IOException {
    DownloadProgress bar = new DownloadProgress(progress, label, have);
    byte[] chunk = new byte[1 << 16];
    long done = have;
    try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (total >= 0 && done + n > total) {
          throw new IOException("the server sent more than the " + total + " bytes announced");
        }
        ByteBuffer b = ByteBuffer.wrap(chunk, 0, n);
        while (b.hasRemaining()) {
          out.write(b);
        }
        done += n;
        bar.update(done, total);
      }
      out.force(false);
    } finally {
      bar.finish(done, total);
    }
    if (total >= 0 && done < total) {
      throw new IOException("the connection closed after " + done + " of " + total + " bytes");
    }
  }

  private void sleep() {
    try {
      Thread.sleep(retryDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("download interrupted");
    }
  }
}
