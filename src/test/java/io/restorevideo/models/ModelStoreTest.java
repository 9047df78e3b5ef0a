package io.restorevideo.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModelStoreTest {
  private static final String FILE = "fake_model.pth";

  @TempDir Path cache;
  private FakeModelServer server;
  private final ByteArrayOutputStream messages = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws IOException {
    server = new FakeModelServer(3_000_000, 42);
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
  }

  private ModelInfo model(String behaviour, String sha256) {
    return new ModelInfo("fake", ModelRole.CODEFORMER, true, FILE, server.base(behaviour) + FILE, server.body.length, sha256,
        true, "test licence (non-commercial)", "served by the test");
  }

  private ModelStore store(ModelInfo m, boolean offline, int attempts, Duration readTimeout) {
    return store(List.of(m), null, offline, attempts, readTimeout);
  }

  private ModelStore store(List<ModelInfo> models, String mirror, boolean offline, int attempts, Duration readTimeout) {
    Downloader d = new Downloader(Duration.ofSeconds(5), readTimeout, attempts, Duration.ZERO, null);
    return new ModelStore(new ModelRegistry(models), cache, mirror, offline, d,
        new PrintStream(messages, true, StandardCharsets.UTF_8));
  }

  private List<String> cacheFiles() throws IOException {
    try (Stream<Path> s = Files.list(cache)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void downloadsVerifiesAndReusesTheCachedFile() throws IOException {
    ModelStore store = store(model("ok", server.sha256), false, 1, Duration.ofSeconds(5));
    assertEquals(ModelStore.State.MISSING, store.state(store.registry().get("fake")));
    Path p = store.resolve("fake");
    assertEquals(cache.resolve(FILE), p);
    assertArrayEquals(server.body, Files.readAllBytes(p));
    assertEquals(ModelStore.State.CACHED, store.state(store.registry().get("fake")));
    assertFalse(Files.exists(cache.resolve(FILE + ".part")));
    assertTrue(Files.readString(cache.resolve(FILE + ".sha256")).startsWith(server.sha256 + " "));

    // A second resolve (even from a fresh store) trusts the sidecar and does not touch the network.
    assertEquals(p, store(model("ok", server.sha256), false, 1, Duration.ofSeconds(5)).resolve("fake"));
    assertEquals(1, server.requestsTo("ok").size());
    assertTrue(messages.toString(StandardCharsets.UTF_8).contains("licence: test licence"), messages.toString());

    ModelStore.Verification v = store.verify(store.registry().get("fake"));
    assertTrue(v.ok());
    assertEquals(server.sha256, v.actualSha256());
  }

  @Test
  void anUnverifiedModelIsDownloadedAndTheHashItGotIsPrinted() throws IOException {
    // As the registry's codeformer-colorization and codeformer-inpainting entries: no size, no hash.
    ModelInfo m = new ModelInfo("fake-unverified", ModelRole.CODEFORMER_INPAINTING, true, FILE, server.base("ok") + FILE, -1,
        null, false, "test licence (non-commercial)", "served by the test");
    Path p = store(m, false, 1, Duration.ofSeconds(5)).resolve("fake-unverified");
    assertArrayEquals(server.body, Files.readAllBytes(p));
    assertTrue(messages.toString(StandardCharsets.UTF_8).contains("fake-unverified has no published hash; the "
        + "downloaded " + FILE + " (" + server.body.length + " bytes) has SHA-256 " + server.sha256),
        messages.toString());
  }

  @Test
  void aWrongHashIsRejectedNamingBothHashesAndLeavesNothingInTheCache() throws IOException {
    String expected = "0".repeat(64);
    ModelStore store = store(model("ok", expected), false, 1, Duration.ofSeconds(5));
    ModelException e = assertThrows(ModelException.class, () -> store.resolve("fake"));
    assertTrue(e.getMessage().contains("expected " + expected) && e.getMessage().contains("got " + server.sha256),
        e.getMessage());
    List<String> left = new ArrayList<>(cacheFiles());
    left.remove(FILE + ".lock");
    assertEquals(List.of(), left);
  }

  @Test
  void aCutConnectionIsResumedWithRangeByTheNextRun() throws IOException {
    ModelInfo m = model("cut", server.sha256);
    ModelException e = assertThrows(ModelException.class,
        () -> store(m, false, 1, Duration.ofSeconds(5)).resolve("fake"));
    assertTrue(e.getMessage().contains("is kept and the next run resumes it"), e.getMessage());
    Path part = cache.resolve(FILE + ".part");
    assertEquals(server.cutAfter, Files.size(part));

    Path p = store(m, false, 1, Duration.ofSeconds(5)).resolve("fake");
    assertEquals(List.of("", "bytes=" + server.cutAfter + "-"), server.requestsTo("cut"));
    assertArrayEquals(server.body, Files.readAllBytes(p));
    assertFalse(Files.exists(part));
  }

  @Test
  void aCutConnectionIsResumedWithinOneCallWhenAttemptsRemain() throws IOException {
    Path p = store(model("cut", server.sha256), false, 3, Duration.ofSeconds(5)).resolve("fake");
    assertEquals(List.of("", "bytes=" + server.cutAfter + "-"), server.requestsTo("cut"));
    assertArrayEquals(server.body, Files.readAllBytes(p));
  }

  @Test
  void notFoundIsReportedWithTheUrl() {
    ModelInfo m = model("missing", server.sha256);
    ModelException e = assertThrows(ModelException.class,
        () -> store(m, false, 3, Duration.ofSeconds(5)).resolve("fake"));
    assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains(m.url()), e.getMessage());
    assertFalse(Files.exists(cache.resolve(FILE)));
  }

  @Test
  void aStalledServerTimesOutWithAClearMessage() {
    long t0 = System.nanoTime();
    ModelException e = assertThrows(ModelException.class,
        () -> store(model("stall", server.sha256), false, 2, Duration.ofMillis(300)).resolve("fake"));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertTrue(e.getMessage().contains("no data received for 0.3 s (read timeout)"), e.getMessage());
    assertTrue(e.getMessage().contains("failed after 2 attempts"), e.getMessage());
    assertTrue(seconds < 4, "took " + seconds + " s");
    // The second attempt resumed after the bytes the first one got.
    assertEquals(List.of("", "bytes=1000-"), server.requestsTo("stall"));
  }

  @Test
  void concurrentResolvesOfOneModelDownloadItOnce() throws Exception {
    ModelInfo m = model("slow", server.sha256);
    ModelStore a = store(m, false, 1, Duration.ofSeconds(5));
    ModelStore b = store(m, false, 1, Duration.ofSeconds(5));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Path> fa = pool.submit(() -> {
        go.await();
        return a.resolve("fake");
      });
      Future<Path> fb = pool.submit(() -> {
        go.await();
        return b.resolve("fake");
      });
      go.countDown();
      Path pa = fa.get(30, TimeUnit.SECONDS);
      Path pb = fb.get(30, TimeUnit.SECONDS);
      assertEquals(pa, pb);
      assertArrayEquals(server.body, Files.readAllBytes(pa));
      assertEquals(1, server.requestsTo("slow").size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void offlineWithAnEmptyCacheFailsFastNamingFileUrlAndPlace() {
    ModelInfo m = model("ok", server.sha256);
    ModelException e = assertThrows(ModelException.class, () -> store(m, true, 1, Duration.ofSeconds(5)).resolve("fake"));
    assertTrue(e.getMessage().startsWith(FILE + " (model fake) is not in the model cache and --offline is set"),
        e.getMessage());
    assertTrue(e.getMessage().contains(m.url()) && e.getMessage().contains(cache.resolve(FILE).toString()),
        e.getMessage());
    assertEquals(0, server.requests.size());
  }

  @Test
  void offlineUsesAFilePlacedByHandAfterHashingIt() throws IOException {
    Files.write(cache.resolve(FILE), server.body);
    ModelStore store = store(model("ok", server.sha256), true, 1, Duration.ofSeconds(5));
    assertEquals(ModelStore.State.UNCHECKED, store.state(store.registry().get("fake")));
    assertEquals(cache.resolve(FILE), store.resolve("fake"));
    assertEquals(ModelStore.State.CACHED, store.state(store.registry().get("fake")));
    assertEquals(0, server.requests.size());
  }

  @Test
  void aCorruptCachedFileIsRejectedOfflineAndReplacedOnline() throws IOException {
    byte[] wrong = server.body.clone();
    wrong[17] ^= 1;
    Files.write(cache.resolve(FILE), wrong);
    ModelException e = assertThrows(ModelException.class,
        () -> store(model("ok", server.sha256), true, 1, Duration.ofSeconds(5)).resolve("fake"));
    assertTrue(e.getMessage().contains("expected " + server.sha256)
        && e.getMessage().contains("got " + FakeModelServer.sha256(wrong)), e.getMessage());

    Path p = store(model("ok", server.sha256), false, 1, Duration.ofSeconds(5)).resolve("fake");
    assertArrayEquals(server.body, Files.readAllBytes(p));
  }

  @Test
  void theMirrorReplacesTheReleaseBase() throws IOException {
    ModelInfo m = new ModelInfo("fake", ModelRole.CODEFORMER, true, FILE, "http://127.0.0.1:9/unreachable/" + FILE,
        server.body.length, server.sha256, true, "l", "");
    ModelStore store = store(List.of(m), server.base("ok").toString(), false, 1, Duration.ofSeconds(5));
    assertEquals(server.base("ok").resolve(FILE), store.urlOf(m));
    assertArrayEquals(server.body, Files.readAllBytes(store.resolve("fake")));
  }

  @Test
  void aModelWithoutPublishedHashReportsTheHashItGot() throws IOException {
    ModelInfo m = new ModelInfo("fake", null, false, FILE, server.base("ok") + FILE, -1, null, false, "l", "");
    Path p = store(List.of(m), null, false, 1, Duration.ofSeconds(5)).resolve("fake");
    assertArrayEquals(server.body, Files.readAllBytes(p));
    assertTrue(messages.toString(StandardCharsets.UTF_8).contains("has SHA-256 " + server.sha256), messages.toString());
  }

  @Test
  void ownWeightsBypassTheRegistryWithOneWarning() throws IOException {
    Path own = cache.resolve("my-codeformer.pth");
    Files.writeString(own, "not even weights");
    List<String> warnings = new ArrayList<>();
    ModelStore store = store(List.of(model("ok", server.sha256),
        new ModelInfo("det", ModelRole.DETECTOR, true, "det.pth", server.base("ok") + "det.pth", 1, "a".repeat(64), true,
            "l", "")), null, true, 1, Duration.ofSeconds(5));
    ModelResolver r = new ModelResolver(store, Map.of("codeformer", own), null, warnings::add);
    assertEquals(own, r.path("codeformer"));
    assertEquals(own, r.path("codeformer"));
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains(own.toString()), warnings.get(0));
    assertEquals("det", r.model("detector").name());
    assertEquals(0, server.requests.size());

    Path missing = cache.resolve("nope.pth");
    ModelResolver bad = new ModelResolver(store, Map.of("codeformer", missing), null, warnings::add);
    ModelException e = assertThrows(ModelException.class, () -> bad.path("codeformer"));
    assertTrue(e.getMessage().startsWith(missing + ": "), e.getMessage());
    assertThrows(ModelException.class, () -> new ModelResolver(store, Map.of("upscaler", own), null, w -> {}));
    assertThrows(ModelException.class, () -> new ModelResolver(store, Map.of(), "fake", w -> {}));
  }
}
