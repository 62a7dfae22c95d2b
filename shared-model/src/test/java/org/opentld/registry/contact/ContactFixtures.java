package org.opentld.registry.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.store.Keys;
import org.opentld.registry.testing.TestRegistry;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Shared helpers of the contact tests: a valid create command and whole-state snapshots. */
final class ContactFixtures {
  static final String AUTH = "contact-auth-1";

  private ContactFixtures() {}

  static PostalInfo intPostal() {
    return new PostalInfo(
        PostalInfo.Type.INT,
        "John Doe",
        "Example Inc.",
        List.of("123 Example Dr.", "Suite 100"),
        "Dulles",
        "VA",
        "20166-6503",
        "US");
  }

  static ContactCreate.Command command(String id) {
    return new ContactCreate.Command(
        id,
        List.of(intPostal()),
        "+1.7035555555",
        "1234",
        "+1.7035555556",
        null,
        "jdoe@example.com",
        AUTH,
        null);
  }

  static Contact create(TestRegistry t, String registrarId, String id) {
    return new ContactCreate(t.ctx).create(TestRegistry.as(registrarId), command(id)).contact();
  }

  static void assertCode(Runnable r, ResultCode code) {
    assertThatThrownBy(r::run)
        .isInstanceOf(RegistryException.class)
        .extracting(e -> ((RegistryException) e).code())
        .isEqualTo(code);
  }

  /**
   * Everything a contact command may write: the contact's items (object, link counter, links),
   * its history, and both test registrars' poll queues and balances.
   */
  record Snapshot(
      List<Map<String, AttributeValue>> contactItems,
      List<Map<String, AttributeValue>> history,
      List<PollMessage> pollsA,
      List<PollMessage> pollsB,
      long balanceA,
      long balanceB) {}

  static Snapshot snapshot(TestRegistry t, String id) {
    var items = t.ctx.store().queryPrefix(Keys.contact(id), "", 1000);
    String roid =
        items.stream()
            .filter(i -> Keys.META.equals(i.get("sk").s()))
            .map(i -> i.get("roid").s())
            .findFirst()
            .orElse("none");
    return new Snapshot(
        items,
        t.ctx.store().queryPrefix(Keys.history(roid), "", 1000),
        t.polls("reg-a"),
        t.polls("reg-b"),
        t.balance("reg-a"),
        t.balance("reg-b"));
  }

  /** Runs a command that must fail with {@code code} and change nothing about contact {@code id}. */
  static void assertFailsUnchanged(TestRegistry t, String id, ResultCode code, Runnable r) {
    Snapshot before = snapshot(t, id);
    assertCode(r, code);
    assertThat(snapshot(t, id)).isEqualTo(before);
  }

  static List<Map<String, AttributeValue>> history(TestRegistry t, Contact c) {
    return t.ctx.store().queryPrefix(Keys.history(c.roid()), "", 1000);
  }
}
