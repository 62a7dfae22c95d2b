package org.opentld.registry.functions.rdap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.opentld.registry.functions.Fixtures;

/** The profile schema rejects answers that lack what the profile requires. */
class RdapSchemaTest {
  private static final String DOMAIN =
      """
      {"rdapConformance":["rdap_level_0","icann_rdap_response_profile_1",
        "icann_rdap_technical_implementation_guide_1","redacted"],
       "notices":[{"title":"Terms of Service","description":["x"],
         "links":[{"href":"https://nic.test/terms"}]},
         {"title":"Status Codes","description":["x"]},
         {"title":"RDDS Inaccuracy Complaint Form","description":["x"]}],
       "objectClassName":"domain","handle":"1-TEST","ldhName":"a.test","status":["active"],
       "events":[{"eventAction":"registration","eventDate":"2026-01-15T10:00:00Z"},
         {"eventAction":"expiration","eventDate":"2027-01-15T10:00:00Z"},
         {"eventAction":"last update of RDAP database","eventDate":"2026-01-15T10:00:00Z"}],
       "links":[{"rel":"self","href":"https://r.test/rdap/domain/a.test","type":"application/rdap+json"}],
       "nameservers":[],"secureDNS":{"delegationSigned":false},
       "entities":[{"objectClassName":"entity","handle":"1","roles":["registrar"],
         "publicIds":[{"type":"IANA Registrar ID","identifier":"1"}],
         "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","R"]]],
         "links":[{"rel":"self","href":"https://r.test/rdap/entity/1","type":"application/rdap+json"}],
         "entities":[{"objectClassName":"entity","roles":["abuse"],
           "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","A"],
             ["email",{},"text","abuse@r.test"]]]}]}]}
      """;

  private static ObjectNode domain() {
    return (ObjectNode) Fixtures.json(DOMAIN);
  }

  @Test
  void aCompleteDomainConforms() {
    assertThat(Fixtures.violations(domain())).isEmpty();
  }

  @Test
  void missingProfileMembersAreReported() {
    ObjectNode noConformance = domain();
    noConformance.remove("rdapConformance");
    assertThat(Fixtures.violations(noConformance)).isNotEmpty();

    ObjectNode noSecureDns = domain();
    noSecureDns.remove("secureDNS");
    assertThat(Fixtures.violations(noSecureDns)).isNotEmpty();

    ObjectNode badStatus = domain();
    badStatus.putArray("status").add("ok");
    assertThat(Fixtures.violations(badStatus)).as("EPP value, not RDAP").isNotEmpty();

    ObjectNode noAbuse = domain();
    ((ObjectNode) noAbuse.get("entities").get(0)).remove("entities");
    assertThat(Fixtures.violations(noAbuse)).isNotEmpty();

    ObjectNode noLastUpdate = domain();
    ((com.fasterxml.jackson.databind.node.ArrayNode) noLastUpdate.get("events")).remove(2);
    assertThat(Fixtures.violations(noLastUpdate)).isNotEmpty();

    ObjectNode error = (ObjectNode) Fixtures.json(DOMAIN);
    error.remove("objectClassName");
    error.put("errorCode", 404);
    assertThat(Fixtures.violations(error)).as("error without title/description").isNotEmpty();
  }
}
