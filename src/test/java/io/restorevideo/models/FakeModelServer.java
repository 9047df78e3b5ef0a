package io.restorevideo.models;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server serving one random "model" under several behaviours: {@code /ok/} (Range aware),
 * {@code /cut/} (the first request without Range is cut after {@code cutAfter} bytes), {@code /stall/}
 * (sends a little, then goes silent), {@code /slow/} (sends in small timed chunks). Anything else is a 404.
 * Every handler is bounded in bytes and time; close() interrupts whatever still runs.
 */
public final class FakeModelServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");
  private static final long STALL_MILLIS = 5_000;

  final byte[] body;
  final String sha256;
  final int cutAfter;
  /** The Range header of every request in arrival order ("" when absent), per behaviour path. */
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  FakeModelServer(int size, long seed) throws IOException {
    body = new byte[size];
    new Random(seed).nextBytes(body);
    sha256 = sha256(body);
    cutAfter = size / 2 + 12345;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(pool);
    server.createContext("/ok/", ex -> serve(ex, "ok"));
    server.createContext("/cut/", ex -> serve(ex, "cut"));
    server.createContext("/stall/", ex -> serve(ex, "stall"));
    server.createContext("/slow/", ex -> serve(ex, "slow"));
    server.start();
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  URI base(String behaviour) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + behaviour + "/");
  }

  List<String> requestsTo(String behaviour) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.startsWith(behaviour + " ")).map(r -> r.substring(behaviour.length() + 1))
          .toList();
    }
  }

  private void serve(HttpExchange ex, String behaviour) throws IOException {
    try (ex) {
      String range = ex.getRequestHeaders().getFirst("Range");
      boolean firstOfCut;
      synchronized (requests) {
        firstOfCut = behaviour.equals("cut") && range == null && requestsTo("cut").isEmpty();
        requests.add(behaviour + " " + (range == null ? "" : range));
      }
      int from = 0;
      Matcher m = range == null ? null : RANGE.matcher(range);
      if (m != null && m.matches()) {
        from = Integer.parseInt(m.group(1));
        ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        ex.sendResponseHeaders(206, body.length - from);
      } else {
        ex.sendResponseHeaders(200, body.length);
      }
      OutputStream out = ex.getResponseBody();
      switch (behaviour) {
        case "cut" -> {
          if (firstOfCut) {
            out.write(body, 0, cutAfter);
            out.flush();
            // Drop the connection mid-body, as a network failure would.
            return;
          }
          out.write(body, from, body.length - from);
        }
        case "stall" -> {
          out.write(body, from, Math.min(1000, body.length - from));
          out.flush();
          Thread.sleep(STALL_MILLIS);
        }
        case "slow" -> {
          for (int pos = from; pos < body.length; pos += 1 << 16) {
            out.write(body, pos, Math.min(1 << 16, body.length - pos));
            out.flush();
            Thread.sleep(10);
          }
        }
        default -> out.write(body, from, body.length - from);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away or the body was cut on purpose.
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.stop(0);
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }
}
