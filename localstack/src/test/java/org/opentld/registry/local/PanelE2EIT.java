package org.opentld.registry.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel end to end: the local stack in memory on free ports serves the built panel and its
 * API on one origin, and {@code panel-frontend/e2e/panel.e2e.mjs} drives Debian's headless
 * Chromium through it (an admin enrols TOTP, signs in with it, creates a funded registrar; that
 * registrar's user registers a domain, finds it in the list and the dashboard, and is refused
 * the admin pages), saving screenshots to {@code docs/screenshots/}.
 *
 * <p>Skipped (assumption) while the panel API's routes are absent from the function catalogue
 * (the API lands in its own branch) or the panel is not built ({@code panel-frontend/dist}: the
 * reactor builds it before this module). With both present, a missing Chromium or npm install
 * fails the test: {@code .ci/run} installs them.
 */
class PanelE2EIT {
  @TempDir static Path dir;
  private static LocalRegistry local;
  private static URI base;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final Path FRONTEND = Path.of("..", "panel-frontend");

  @BeforeAll
  static void start() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    local = new LocalRegistry(new LocalRegistry.Options(true, dir, 0, "TEST")).start(new PrintStream(out, true));
    base = URI.create("http://127.0.0.1:" + local.httpPort());
  }

  @AfterAll
  static void stop() {
    if (local != null) {
      local.close();
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void success_adminCreatesFundedRegistrarWhoseUserRegistersADomain() throws Exception {
    HttpResponse<String> me = get("/api/me");
    // No route: the HTTP front's API Gateway-style {"message":"Not Found"}; with the panel API,
    // a signed-out GET /api/me is its own 401 problem.
    assumeTrue(!(me.statusCode() == 404 && me.body().contains("\"message\":\"Not Found\"")),
        "the panel API routes are absent (GET /api/me is unrouted): e2e runs once the API is merged");
    HttpResponse<String> index = get("/");
    assumeTrue(index.statusCode() == 200 && index.body().contains("<div id=\"root\">"),
        "panel-frontend/dist is not built (mvn builds it in the panel-frontend module)");

    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    assertThat(chromium).as("Debian's chromium (apt-get install -y chromium)").isExecutable();
    assertThat(FRONTEND.resolve("node_modules/playwright-core")).as("npm ci in panel-frontend").isDirectory();

    Path shots = Path.of("..", "docs", "screenshots").toAbsolutePath().normalize();
    Files.createDirectories(shots);
    Process p = new ProcessBuilder("node", "e2e/panel.e2e.mjs", base.toString(), shots.toString())
        .directory(FRONTEND.toFile())
        .inheritIO()
        .start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("the e2e script finished within 5 minutes").isTrue();
    assertThat(p.exitValue()).as("e2e exit code (its output is above)").isZero();
    assertThat(shots.resolve("dashboard-registrar.png")).isRegularFile();
  }
}
