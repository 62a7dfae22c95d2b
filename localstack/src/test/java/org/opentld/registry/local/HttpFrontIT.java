package org.opentld.registry.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.host.HostCreate;

/** RDAP and DAS end to end: a real HTTP client, the local front, the handlers, DynamoDB Local. */
class HttpFrontIT {
  @TempDir static Path dir;
  private static LocalRegistry local;
  private static URI base;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void start() throws Exception {
    // The same profile schema the handler tests use (functions' test resources; tests run in
    // the module folder). Read by path: a test-jar dependency would break `compile exec:java`.
    try (InputStream in =
        Files.newInputStream(Path.of("../functions/src/test/resources/schema/rdap-profile.schema.json"))) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    local = new LocalRegistry(new LocalRegistry.Options(true, dir, 0, "TEST")).start(new PrintStream(out, true));
    local.printSummary(new PrintStream(out, true));
    base = URI.create("http://127.0.0.1:" + local.httpPort());
    assertThat(out.toString()).contains(base + "/rdap/help");
    Caller demo = Caller.registrar(DemoData.REGISTRAR_ID, "c1", "s1");
    var create = local.registry().domainCreate;
    create.create(demo, new DomainCreate.Command("hello.test", 1, null, Map.of(), List.of(), List.of(), "auth-code-1", null));
    new HostCreate(local.registry().context()).create(demo, new HostCreate.Command("ns1.hello.test", List.of("193.0.14.129")));
    create.create(demo, new DomainCreate.Command("world.test", 1, null, Map.of(), List.of("ns1.hello.test"), List.of(), "auth-code-1", null));
    create.create(demo, new DomainCreate.Command("bücher.test", 1, null, Map.of(), List.of(), List.of(), "auth-code-1", null));
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  private static HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Accept", "application/rdap+json")
            .build();
    return CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode rdap(String pathAndQuery, int status) throws Exception {
    HttpResponse<String> r = send("GET", pathAndQuery);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/rdap+json");
    assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue("*");
    JsonNode body = JSON.readTree(r.body());
    assertThat(schema.validate(body)).as(r.body()).isEmpty();
    return body;
  }

  @Test
  void domain_lookupLinksToThisFrontAndShowsTheDemoRegistrar() throws Exception {
    JsonNode d = rdap("/rdap/domain/HELLO.test", 200);
    assertThat(d.get("ldhName").asText()).isEqualTo("hello.test");
    assertThat(d.get("links").get(0).get("href").asText()).isEqualTo(base + "/rdap/domain/hello.test");
    assertThat(d.get("entities").get(0).get("handle").asText()).isEqualTo("9999");
    JsonNode w = rdap("/rdap/domain/world.test", 200);
    assertThat(w.get("nameservers").get(0).get("ipAddresses").get("v4").get(0).asText())
        .isEqualTo("193.0.14.129");
  }

  @Test
  void idn_percentEncodedULabelFindsTheDomain() throws Exception {
    JsonNode d = rdap("/rdap/domain/b%C3%BCcher.test", 200);
    assertThat(d.get("ldhName").asText()).isEqualTo("xn--bcher-kva.test");
    assertThat(d.get("unicodeName").asText()).isEqualTo("bücher.test");
  }

  @Test
  void searchesAndEntities() throws Exception {
    JsonNode ns = rdap("/rdap/nameservers?ip=193.0.14.129", 200);
    assertThat(ns.get("nameserverSearchResults").get(0).get("ldhName").asText()).isEqualTo("ns1.hello.test");
    JsonNode ds = rdap("/rdap/domains?name=h*.test", 200);
    assertThat(ds.get("domainSearchResults").get(0).get("ldhName").asText()).isEqualTo("hello.test");
    JsonNode es = rdap("/rdap/entities?fn=Demo*", 200);
    assertThat(es.get("entitySearchResults").get(0).get("handle").asText()).isEqualTo("9999");
    rdap("/rdap/entity/9999", 200);
    rdap("/rdap/nameserver/ns1.hello.test", 200);
    rdap("/rdap/help", 200);
  }

  @Test
  void errorsAndHead() throws Exception {
    assertThat(rdap("/rdap/domain/nope.test", 404).get("errorCode").asInt()).isEqualTo(404);
    rdap("/rdap/domain/bad_name.test", 400);
    rdap("/rdap/autnum/1", 501);
    HttpResponse<String> head = send("HEAD", "/rdap/domain/hello.test");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("access-control-allow-origin")).hasValue("*");
    // GET of other paths is the panel's (SPA fallback); any other method there is unrouted
    HttpResponse<String> unrouted = send("POST", "/nothing");
    assertThat(unrouted.statusCode()).isEqualTo(404);
    assertThat(unrouted.body()).isEqualTo("{\"message\":\"Not Found\"}");
  }

  @Test
  void das_jsonAndText() throws Exception {
    HttpResponse<String> one = send("GET", "/das/check?name=fresh.test");
    assertThat(one.statusCode()).isEqualTo(200);
    JsonNode r = JSON.readTree(one.body()).get("results").get(0);
    assertThat(r.get("status").asText()).isEqualTo("available");
    HttpResponse<String> text = send("GET", "/das/check?names=fresh.test,hello.test,nic.test,gold.test&format=text");
    assertThat(text.body().split("\n"))
        .containsExactly(
            "fresh.test available",
            "hello.test registered",
            "nic.test reserved Reserved: registry operator",
            "gold.test premium 1000.00 USD");
    // Repeated parameters arrive joined with commas, as API Gateway sends them.
    HttpResponse<String> repeated = send("GET", "/das/check?names=a1.test&names=a2.test&format=text");
    assertThat(repeated.body()).isEqualTo("a1.test available\na2.test available\n");
  }

  @Test
  void panelApi_signInSetsCookiesThatTheNextRequestCarries() throws Exception {
    HttpRequest signIn =
        HttpRequest.newBuilder(URI.create(base + "/api/session"))
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"username\":\"" + DemoData.ADMIN_USER + "\",\"password\":\"" + DemoData.ADMIN_PASSWORD + "\"}"))
            .header("Content-Type", "application/json")
            .build();
    HttpResponse<String> r = CLIENT.send(signIn, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> cookies = r.headers().allValues("set-cookie");
    assertThat(cookies).hasSize(2);
    assertThat(cookies.get(0)).startsWith("__Host-session=").contains("HttpOnly", "SameSite=Strict");
    String cookieHeader = String.join("; ", cookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
    HttpResponse<String> me =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Cookie", cookieHeader).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).get("mustEnrolTotp").asBoolean()).as("the demo admin has no TOTP yet").isTrue();
    HttpResponse<String> none = send("GET", "/api/dashboard");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("content-type")).hasValue("application/problem+json");
  }
}
