package org.opentld.registry.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP front serves the panel's files beside the routed functions, as CloudFront does. */
class PanelStaticIT {
  @TempDir static Path dir;
  @TempDir static Path dist;
  private static LocalRegistry local;
  private static HttpFront front;
  private static URI base;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(dist.resolve("index.html"), "<!doctype html><div id=\"root\"></div>");
    Files.createDirectories(dist.resolve("assets"));
    Files.writeString(dist.resolve("assets/app-1a2b.js"), "console.log('panel')");
    Files.writeString(dir.resolve("secret.txt"), "outside the root");
    local = new LocalRegistry(new LocalRegistry.Options(true, dir.resolve("data"), 0, "TEST"))
        .start(new PrintStream(new ByteArrayOutputStream(), true));
    front = HttpFront.start(local.registry().context(), 0, Map.of(), dist);
    base = front.uri();
  }

  @AfterAll
  static void stop() {
    front.close();
    local.close();
  }

  private static HttpResponse<String> send(String method, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void success_indexAssetsAndSpaFallback() throws Exception {
    assertThat(front.servesPanel()).isTrue();
    HttpResponse<String> index = send("GET", "/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(index.headers().firstValue("cache-control")).hasValue("no-cache");
    assertThat(index.body()).contains("id=\"root\"");

    HttpResponse<String> asset = send("GET", "/assets/app-1a2b.js");
    assertThat(asset.body()).isEqualTo("console.log('panel')");
    assertThat(asset.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
    assertThat(asset.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");

    HttpResponse<String> route = send("GET", "/domains/example.test");
    assertThat(route.statusCode()).isEqualTo(200);
    assertThat(route.body()).isEqualTo(index.body());
  }

  @Test
  void success_routedFunctionsAndApiPathsAreNotShadowed() throws Exception {
    HttpResponse<String> rdap = send("GET", "/rdap/help");
    assertThat(rdap.statusCode()).isEqualTo(200);
    assertThat(rdap.headers().firstValue("content-type")).hasValue("application/rdap+json");
    HttpResponse<String> api = send("GET", "/api/no-such-route-here");
    assertThat(api.body()).doesNotContain("id=\"root\"");
    assertThat(api.headers().firstValue("content-type").orElse("")).contains("json");
    assertThat(send("POST", "/domains").statusCode()).isEqualTo(404);
  }

  @Test
  void failure_pathsOutsideTheRootGetTheIndexNotTheFile() throws Exception {
    try (Socket s = new Socket("127.0.0.1", front.port())) {
      s.getOutputStream().write(
          "GET /../secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).doesNotContain("outside the root");
    }
  }
}
