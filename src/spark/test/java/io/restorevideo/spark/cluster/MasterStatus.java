package io.restorevideo.spark.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the Master's web UI says at {@code /json/}: its workers. */
public record MasterStatus(List<Worker> workers, String raw) {
  /** A worker as the Master sees it; {@code port} is its RPC port, {@code state} ALIVE, DEAD, ... */
  public record Worker(String id, int port, String state, int cores, int coresUsed) {}

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The Master's status, or empty while its web UI does not answer. */
  static Optional<MasterStatus> read(int webUiPort) {
    HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json/"))
        .timeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> r = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(parse(r.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  static MasterStatus parse(String json) {
    JsonObject o = JsonParser.parseString(json).getAsJsonObject();
    List<Worker> workers = new ArrayList<>();
    for (JsonElement e : array(o, "workers")) {
      JsonObject w = e.getAsJsonObject();
      workers.add(new Worker(w.get("id").getAsString(), w.get("port").getAsInt(), w.get("state").getAsString(),
          w.get("cores").getAsInt(), w.get("coresused").getAsInt()));
    }
    return new MasterStatus(workers, json);
  }

  private static JsonArray array(JsonObject o, String name) {
    return o.has(name) ? o.getAsJsonArray(name) : new JsonArray();
  }

  /** The worker listening on RPC port {@code port}, in its latest registration. */
  public Optional<Worker> worker(int port) {
    return workers.stream().filter(w -> w.port() == port).reduce((a, b) -> b);
  }
}
