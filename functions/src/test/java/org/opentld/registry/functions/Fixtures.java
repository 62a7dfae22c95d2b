package org.opentld.registry.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.common.Caller;
import org.opentld.registry.contact.ContactCreate;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.domain.DsData;
import org.opentld.registry.host.HostCreate;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.TldLabel;

/**
 * Test data and helpers of the handler tests: API Gateway events from JSON fixtures, a seeded
 * registry with domains, hosts and contacts, and the RDAP profile schema every answer must meet.
 */
public final class Fixtures {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  public static final String DS_DIGEST =
      "E2D3C916F6DEEAC73294E8268FB5885044A833FC5459588F4A9184CFC41A5766";
  public static final String GLUE = "193.0.14.129";
  public static final String GLUE6 = "2001:7fd::1";
  private static final JsonSchema SCHEMA = loadSchema();

  private Fixtures() {}

  /** An API Gateway HTTP API event from {@code events/<name>.json}. */
  public static APIGatewayV2HTTPEvent event(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return MAPPER.readValue(in, APIGatewayV2HTTPEvent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The seeded test registry plus: contacts holder-1 and tech-1 (reg-a); external host
   * ns1.example.net; example.test (reg-a, signed, delegated to ns1.example.net, with contacts);
   * its subordinate host ns1.example.test with glue; second.test delegated to ns1.example.test;
   * the IDN bücher.test; search1..search5.test; reserved nic.test and premium gold.test.
   */
  public static TestRegistry registry() {
    TestRegistry t = TestRegistry.seeded();
    Caller a = TestRegistry.as("reg-a");
    ContactCreate contacts = new ContactCreate(t.ctx);
    for (String id : List.of("holder-1", "tech-1")) {
      contacts.create(
          a,
          new ContactCreate.Command(
              id,
              List.of(
                  new PostalInfo(
                      PostalInfo.Type.INT, "John Doe", "Example Inc.", List.of("123 Example Dr."),
                      "Dulles", "VA", "20166", "US")),
              "+1.7035555555", null, null, null, "jdoe@example.com", "contact-auth-1", null));
    }
    HostCreate hosts = new HostCreate(t.ctx);
    hosts.create(a, new HostCreate.Command("ns1.example.net", List.of()));
    DomainCreate domains = new DomainCreate(t.ctx);
    domains.create(
        a,
        new DomainCreate.Command(
            "example.test", 2, "holder-1", Map.of(Domain.ContactType.TECH, "tech-1"),
            List.of("ns1.example.net"), List.of(new DsData(12345, 13, 2, DS_DIGEST)),
            "domain-auth-1", null));
    hosts.create(a, new HostCreate.Command("ns1.example.test", List.of(GLUE, GLUE6)));
    domains.create(
        a,
        new DomainCreate.Command(
            "second.test", 1, null, Map.of(), List.of("ns1.example.test"), List.of(),
            "domain-auth-1", null));
    t.createDomain("reg-b", "bücher.test", 1);
    for (int i = 1; i <= 5; i++) {
      t.createDomain("reg-b", "search" + i + ".test", 1);
    }
    Caller admin = Caller.admin("test-admin", "SV-LABELS");
    t.registry.tlds.putLabel(admin, new TldLabel("test", "nic", "registry operator", null));
    t.registry.tlds.putLabel(
        admin,
        new TldLabel("test", "gold", null, Map.of(BillingOperation.CREATE, 100_000L)));
    return t;
  }

  public static JsonNode json(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The profile schema's violations by an RDAP answer (empty when it conforms). */
  public static Set<ValidationMessage> violations(JsonNode rdap) {
    return SCHEMA.validate(rdap);
  }

  private static JsonSchema loadSchema() {
    InputStream in = Fixtures.class.getResourceAsStream("/schema/rdap-profile.schema.json");
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
  }
}
