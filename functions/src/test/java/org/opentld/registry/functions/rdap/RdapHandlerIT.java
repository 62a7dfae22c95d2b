package org.opentld.registry.functions.rdap;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentld.registry.functions.FunctionCatalogue;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.functions.Fixtures;
import org.opentld.registry.functions.LocalContext;
import org.opentld.registry.testing.TestRegistry;

class RdapHandlerIT {
  private static final String BASE = "https://rdap.nic.test/rdap";
  private static TestRegistry t;
  private static RdapHandler rdap;

  @BeforeAll
  static void seed() {
    t = Fixtures.registry();
    rdap = new RdapHandler(new FunctionEnvironment(t.ctx, Map.of()), config(0, 1));
  }

  private static RdapConfig config(double rate, double burst) {
    return new RdapConfig(BASE, "https://nic.test/terms", 3, rate, burst);
  }

  /** Invokes the handler as Lambda would and checks what every answer must have. */
  private static APIGatewayV2HTTPResponse call(RdapHandler h, APIGatewayV2HTTPEvent e) {
    APIGatewayV2HTTPResponse r = h.handleRequest(e, LocalContext.of(FunctionCatalogue.RDAP));
    assertThat(r.getHeaders())
        .containsEntry("access-control-allow-origin", "*")
        .containsEntry("content-type", "application/rdap+json")
        .containsKey("cache-control");
    if (!r.getBody().isEmpty()) {
      assertThat(Fixtures.violations(Fixtures.json(r.getBody()))).as(r.getBody()).isEmpty();
    }
    return r;
  }

  private static JsonNode get(String fixture, int status) {
    APIGatewayV2HTTPResponse r = call(rdap, Fixtures.event(fixture));
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
    return Fixtures.json(r.getBody());
  }

  private static JsonNode get(String path, Map<String, String> query, int status) {
    APIGatewayV2HTTPEvent e = Fixtures.event("rdap_help_get");
    e.setRawPath(path);
    e.setQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query));
    APIGatewayV2HTTPResponse r = call(rdap, e);
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
    return Fixtures.json(r.getBody());
  }

  private static List<String> texts(JsonNode array, String member) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(member).asText()));
    return out;
  }

  private static JsonNode role(JsonNode entities, String role) {
    for (JsonNode e : entities) {
      if (e.path("roles").get(0).asText().equals(role)) {
        return e;
      }
    }
    throw new AssertionError("no entity with role " + role);
  }

  // ---- lookups --------------------------------------------------------------------------

  @Test
  void domain_answersProfileMembersWhateverTheCaseOfTheName() {
    APIGatewayV2HTTPResponse resp = call(rdap, Fixtures.event("rdap_domain_get"));
    assertThat(resp.getStatusCode()).isEqualTo(200);
    assertThat(resp.getHeaders().get("cache-control")).contains("max-age");
    JsonNode d = Fixtures.json(resp.getBody());

    assertThat(d.get("rdapConformance")).hasSize(4);
    assertThat(d.get("rdapConformance").toString())
        .contains("rdap_level_0", "icann_rdap_response_profile_1",
            "icann_rdap_technical_implementation_guide_1", "\"redacted\"");
    assertThat(d.get("ldhName").asText()).isEqualTo("example.test");
    assertThat(d.get("handle").asText()).isEqualTo(t.ctx.domain("example.test").roid());
    assertThat(d.has("unicodeName")).isFalse();
    assertThat(d.get("status").toString()).contains("add period").doesNotContain("\"ok\"");
    assertThat(texts(d.get("events"), "eventAction"))
        .contains("registration", "expiration", "last update of RDAP database");
    assertThat(texts(d.get("events"), "eventDate")).contains("2028-01-15T10:00:00Z");
    assertThat(texts(d.get("notices"), "title"))
        .containsExactly("Terms of Service", "Status Codes", "RDDS Inaccuracy Complaint Form");
    assertThat(d.get("notices").toString()).contains("https://icann.org/epp", "https://icann.org/wicf");

    // Links come from the configured base URL, never from the Host header (rdap.example).
    assertThat(d.toString()).doesNotContain("rdap.example/");
    assertThat(d.get("links").get(0).get("href").asText()).isEqualTo(BASE + "/domain/example.test");
    assertThat(texts(d.get("links"), "rel")).containsExactly("self", "related");
    assertThat(d.get("links").get(1).get("href").asText()).isEqualTo(BASE + "/entity/9097");

    JsonNode sec = d.get("secureDNS");
    assertThat(sec.get("delegationSigned").asBoolean()).isTrue();
    assertThat(sec.get("dsData").get(0).get("keyTag").asInt()).isEqualTo(12345);
    assertThat(sec.get("dsData").get(0).get("digest").asText()).isEqualTo(Fixtures.DS_DIGEST);

    assertThat(texts(d.get("nameservers"), "ldhName")).containsExactly("ns1.example.net");
    assertThat(d.get("nameservers").get(0).has("ipAddresses")).as("external host").isFalse();

    JsonNode registrar = role(d.get("entities"), "registrar");
    assertThat(registrar.get("handle").asText()).isEqualTo("9097");
    assertThat(registrar.get("publicIds").get(0).get("type").asText()).isEqualTo("IANA Registrar ID");
    assertThat(registrar.get("publicIds").get(0).get("identifier").asText()).isEqualTo("9097");
    assertThat(registrar.get("vcardArray").toString()).contains("Registrar reg-a");
    JsonNode abuse = registrar.get("entities").get(0);
    assertThat(abuse.get("roles").get(0).asText()).isEqualTo("abuse");
    assertThat(abuse.get("vcardArray").toString()).contains("abuse@reg-a.example");
  }

  @Test
  void domain_contactsAreRedactedAndSayWhat() {
    JsonNode d = get("rdap_domain_get", 200);
    String body = d.toString();
    assertThat(body).doesNotContain("John Doe", "jdoe@example.com", "7035555555", "123 Example Dr", "Dulles");
    JsonNode registrant = role(d.get("entities"), "registrant");
    assertThat(registrant.get("handle").asText()).isEqualTo("holder-1");
    String card = registrant.get("vcardArray").toString();
    assertThat(card).contains("[\"fn\",{},\"text\",\"\"]", "Example Inc.", "\"cc\":\"US\"", "VA");
    assertThat(card).doesNotContain("email", "tel");
    role(d.get("entities"), "technical");

    List<String> names = new ArrayList<>();
    d.get("redacted").forEach(r -> names.add(r.get("name").get("type").asText()));
    assertThat(names)
        .contains("Registrant Name", "Registrant Street", "Registrant City", "Registrant Postal Code",
            "Registrant Phone", "Registrant Email", "Tech Name", "Tech Email", "Tech Phone");
    JsonNode email = d.get("redacted").get(names.indexOf("Registrant Email"));
    assertThat(email.get("method").asText()).isEqualTo("removal");
    assertThat(email.get("prePath").asText())
        .isEqualTo("$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='email')]");
    JsonNode name = d.get("redacted").get(names.indexOf("Registrant Name"));
    assertThat(name.get("method").asText()).isEqualTo("emptyValue");
    assertThat(name.get("pathLang").asText()).isEqualTo("jsonpath");
  }

  @Test
  void domain_uLabelQueryFindsTheALabelDomain() {
    JsonNode d = get("rdap_domain_idn_get", 200);
    assertThat(d.get("ldhName").asText()).isEqualTo("xn--bcher-kva.test");
    assertThat(d.get("unicodeName").asText()).isEqualTo("bücher.test");
    assertThat(d.get("links").get(0).get("href").asText()).isEqualTo(BASE + "/domain/xn--bcher-kva.test");
    assertThat(d.get("status").toString()).contains("inactive");
    get("/rdap/domain/XN--BCHER-KVA.TEST", Map.of(), 200);
  }

  @Test
  void nameserver_subordinateHostShowsGlueAndItsDomain() {
    JsonNode n = get("rdap_nameserver_get", 200);
    assertThat(n.get("ldhName").asText()).isEqualTo("ns1.example.test");
    assertThat(n.get("ipAddresses").get("v4").get(0).asText()).isEqualTo(Fixtures.GLUE);
    assertThat(n.get("ipAddresses").get("v6").get(0).asText()).isEqualTo(Fixtures.GLUE6);
    assertThat(n.get("status").toString()).contains("associated");
    assertThat(n.get("links").get(1).get("href").asText()).isEqualTo(BASE + "/domain/example.test");
    assertThat(role(n.get("entities"), "registrar").get("handle").asText()).isEqualTo("9097");

    JsonNode second = get("/rdap/domain/second.test", Map.of(), 200);
    JsonNode ns = second.get("nameservers").get(0);
    assertThat(ns.get("ldhName").asText()).isEqualTo("ns1.example.test");
    assertThat(ns.get("ipAddresses").get("v4").get(0).asText()).isEqualTo(Fixtures.GLUE);
  }

  @Test
  void entity_registrarByIanaIdOrRegistrarId() {
    JsonNode byIana = get("rdap_entity_registrar_iana_get", 200);
    JsonNode byId = get("rdap_entity_registrar_id_get", 200);
    for (JsonNode r : List.of(byIana, byId)) {
      assertThat(r.get("handle").asText()).isEqualTo("9097");
      assertThat(r.get("roles").get(0).asText()).isEqualTo("registrar");
      assertThat(r.get("links").get(0).get("href").asText()).isEqualTo(BASE + "/entity/9097");
    }
    get("/rdap/entity/123456", Map.of(), 404);
  }

  @Test
  void entity_contactIsRedactedWithRfc9537Members() {
    JsonNode c = get("rdap_entity_contact_get", 200);
    assertThat(c.get("handle").asText()).isEqualTo("holder-1");
    assertThat(c.toString()).doesNotContain("John Doe", "jdoe@example.com", "7035555555");
    List<String> names = new ArrayList<>();
    c.get("redacted").forEach(r -> names.add(r.get("name").get("description").asText()));
    assertThat(names).containsExactlyInAnyOrder("Name", "Street", "City", "Postal Code", "Phone", "Email");
    assertThat(c.get("redacted").toString()).contains("$.vcardArray[1][?(@[0]=='email')]");
    assertThat(c.get("status").toString()).contains("associated");
  }

  @Test
  void help_answersConformanceAndTerms() {
    JsonNode h = get("rdap_help_get", 200);
    assertThat(h.get("notices").get(0).get("links").get(0).get("href").asText())
        .isEqualTo("https://nic.test/terms");
  }

  // ---- searches -------------------------------------------------------------------------

  @Test
  void search_domainsByPrefixAreLimitedWithATruncationNotice() {
    JsonNode r = get("rdap_domains_search", 200);
    assertThat(texts(r.get("domainSearchResults"), "ldhName"))
        .containsExactly("search1.test", "search2.test", "search3.test");
    assertThat(texts(r.get("notices"), "type")).contains("result set truncated due to excessive load");

    JsonNode few = get("/rdap/domains", Map.of("name", "sec*.test"), 200);
    assertThat(texts(few.get("domainSearchResults"), "ldhName")).containsExactly("second.test");
    assertThat(texts(few.get("notices"), "title")).doesNotContain("Search Policy");
    JsonNode none = get("/rdap/domains", Map.of("name", "zz*"), 200);
    assertThat(none.get("domainSearchResults")).isEmpty();
  }

  @Test
  void search_nameserversByNameAndByAddress() {
    assertThat(texts(get("rdap_nameservers_search", 200).get("nameserverSearchResults"), "ldhName"))
        .containsExactly("ns1.example.net", "ns1.example.test");
    assertThat(texts(get("rdap_nameservers_ip", 200).get("nameserverSearchResults"), "ldhName"))
        .containsExactly("ns1.example.test");
    JsonNode v6 = get("/rdap/nameservers", Map.of("ip", "2001:7FD:0::1"), 200);
    assertThat(texts(v6.get("nameserverSearchResults"), "ldhName")).containsExactly("ns1.example.test");
  }

  @Test
  void search_registrarEntitiesByName() {
    JsonNode r = get("rdap_entities_search", 200);
    assertThat(texts(r.get("entitySearchResults"), "handle")).containsExactly("9097", "9098");
    JsonNode one = get("/rdap/entities", Map.of("fn", "registrar reg-b"), 200);
    assertThat(texts(one.get("entitySearchResults"), "handle")).containsExactly("9098");
  }

  // ---- errors ---------------------------------------------------------------------------

  @Test
  void error_unknownObjectsAre404WithAnRdapErrorBody() {
    JsonNode e = get("rdap_domain_missing_get", 404);
    assertThat(e.get("errorCode").asInt()).isEqualTo(404);
    assertThat(e.get("title").asText()).isEqualTo("Not Found");
    assertThat(e.get("description").get(0).asText()).contains("nothing-here.test");
    get("/rdap/nameserver/ns9.example.test", Map.of(), 404);
    get("/rdap/entity/nobody", Map.of(), 404);
  }

  @Test
  void error_malformedQueriesAre400() {
    assertThat(get("rdap_domain_bad_get", 400).get("errorCode").asInt()).isEqualTo(400);
    get("/rdap/domains", Map.of(), 400);
    get("/rdap/domains", Map.of("name", "*.test"), 400);
    get("/rdap/nameservers", Map.of(), 400);
    get("/rdap/nameservers", Map.of("ip", "300.1.2.3"), 400);
    get("/rdap/domain", Map.of(), 400);
  }

  @Test
  void error_unsupportedPathsAndSearchesAre501() {
    JsonNode e = get("rdap_unsupported_get", 501);
    assertThat(e.get("title").asText()).isEqualTo("Not Implemented");
    get("/rdap/domains", Map.of("nsLdhName", "ns1.example.test"), 501);
    get("/rdap/entities", Map.of("handle", "reg*"), 501);
    get("/rdap/ip/192.0.2.0", Map.of(), 501);
  }

  @Test
  void error_tooManyQueriesFromOneAddressAre429WithRetryAfter() {
    RdapHandler limited =
        new RdapHandler(new FunctionEnvironment(t.ctx, Map.of()), config(0.5, 2));
    APIGatewayV2HTTPEvent e = Fixtures.event("rdap_help_get");
    assertThat(call(limited, e).getStatusCode()).isEqualTo(200);
    assertThat(call(limited, e).getStatusCode()).isEqualTo(200);
    APIGatewayV2HTTPResponse r = call(limited, e);
    assertThat(r.getStatusCode()).isEqualTo(429);
    assertThat(r.getHeaders().get("retry-after")).isEqualTo("2");
    assertThat(r.getHeaders().get("cache-control")).isEqualTo("no-store");
    assertThat(Fixtures.json(r.getBody()).get("errorCode").asInt()).isEqualTo(429);
    // Another address has its own bucket.
    e.getRequestContext().getHttp().setSourceIp("203.0.113.9");
    assertThat(call(limited, e).getStatusCode()).isEqualTo(200);
  }

  @Test
  void head_answersTheStatusWithoutABody() {
    APIGatewayV2HTTPResponse r = call(rdap, Fixtures.event("rdap_domain_head"));
    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getBody()).isEmpty();
    APIGatewayV2HTTPEvent missing = Fixtures.event("rdap_domain_head");
    missing.setRawPath("/rdap/domain/nothing-here.test");
    APIGatewayV2HTTPResponse m = call(rdap, missing);
    assertThat(m.getStatusCode()).isEqualTo(404);
    assertThat(m.getBody()).isEmpty();
  }

  @Test
  void otherMethods_preflightIs204_postIs405() {
    APIGatewayV2HTTPEvent e = Fixtures.event("rdap_domain_head");
    e.getRequestContext().getHttp().setMethod("OPTIONS");
    APIGatewayV2HTTPResponse pre = call(rdap, e);
    assertThat(pre.getStatusCode()).isEqualTo(204);
    assertThat(pre.getHeaders().get("access-control-allow-methods")).contains("GET", "HEAD");
    e.getRequestContext().getHttp().setMethod("POST");
    APIGatewayV2HTTPResponse post = call(rdap, e);
    assertThat(post.getStatusCode()).isEqualTo(405);
  }
}
