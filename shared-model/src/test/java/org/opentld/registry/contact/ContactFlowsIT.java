package org.opentld.registry.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.contact.ContactFixtures.AUTH;
import static org.opentld.registry.contact.ContactFixtures.assertCode;
import static org.opentld.registry.contact.ContactFixtures.assertFailsUnchanged;
import static org.opentld.registry.contact.ContactFixtures.command;
import static org.opentld.registry.contact.ContactFixtures.create;
import static org.opentld.registry.contact.ContactFixtures.history;
import static org.opentld.registry.contact.ContactFixtures.intPostal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.registrar.PasswordHasher;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.testing.TestRegistry;

class ContactFlowsIT {
  private static final Caller A = TestRegistry.as("reg-a");
  private static final Caller B = TestRegistry.as("reg-b");
  private static final Caller ADMIN = Caller.admin("root", "SV-ADMIN");

  private TestRegistry t;
  private ContactCheck check;
  private ContactInfo info;
  private ContactCreate createOp;
  private ContactUpdate update;
  private ContactDelete delete;

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    check = new ContactCheck(t.ctx);
    info = new ContactInfo(t.ctx);
    createOp = new ContactCreate(t.ctx);
    update = new ContactUpdate(t.ctx);
    delete = new ContactDelete(t.ctx);
  }

  private void useAsRegistrant(String contactId, String domain) {
    new DomainCreate(t.ctx)
        .create(
            A,
            new DomainCreate.Command(
                domain, 1, contactId, Map.of(), List.of(), List.of(), "dom-auth-1", null));
  }

  private static ContactUpdate.Command statuses(
      String id, Set<StatusValue> add, Set<StatusValue> rem) {
    return new ContactUpdate.Command(id, add, rem, null);
  }

  private static ContactUpdate.Change email(String email) {
    return new ContactUpdate.Change(null, null, null, null, null, email, null, null);
  }

  private List<String> actions(Contact c) {
    return history(t, c).stream().map(i -> Items.history(i).action()).toList();
  }

  // ---- check ----------------------------------------------------------------------------

  @Test
  void success_checkAnswersTakenFreeAndMalformed() {
    create(t, "reg-a", "taken-1");
    List<ContactCheck.Result> r = check.check(List.of("taken-1", "free-1", "x", "bad id!"));
    assertThat(r)
        .extracting(ContactCheck.Result::id, ContactCheck.Result::available)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("taken-1", false),
            org.assertj.core.groups.Tuple.tuple("free-1", true),
            org.assertj.core.groups.Tuple.tuple("x", false),
            org.assertj.core.groups.Tuple.tuple("bad id!", false));
    assertThat(r.get(0).reason()).isEqualTo("In use");
    assertThat(r.get(1).reason()).isNull();
    assertThat(r.get(2).reason()).contains("3 to 16");
  }

  @Test
  void failure_checkOfMoreThanFiftyIs2004_noneIs2003() {
    List<String> ids = IntStream.range(0, 51).mapToObj(i -> "id-" + i).toList();
    assertCode(() -> check.check(ids), ResultCode.PARAMETER_VALUE_RANGE);
    assertThat(check.check(ids.subList(0, 50))).hasSize(50);
    assertCode(() -> check.check(List.of()), ResultCode.MISSING_PARAMETER);
  }

  // ---- create ---------------------------------------------------------------------------

  @Test
  void success_createStoresHashedAuthInfoLinkCounterAndHistory() {
    Contact c = createOp.create(A, command("jd-1")).contact();

    assertThat(c.roid()).matches("[0-9A-F]{22}-TEST");
    Contact stored = t.ctx.contact("jd-1");
    assertThat(stored).isEqualTo(c);
    assertThat(stored.registrarId()).isEqualTo("reg-a");
    assertThat(stored.createdAt()).isEqualTo(TestRegistry.START);
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.voice()).isEqualTo("+1.7035555555");
    assertThat(stored.voiceExt()).isEqualTo("1234");
    assertThat(stored.postalInfo()).containsExactly(intPostal());
    assertThat(stored.authInfoHash()).isNotEqualTo(AUTH);
    assertThat(PasswordHasher.verify(AUTH, stored.authInfoHash())).isTrue();
    assertThat(stored.effectiveStatuses()).containsExactly(StatusValue.OK);
    var links = t.ctx.store().get(Keys.contact("jd-1"), Keys.LINKS).orElseThrow();
    assertThat(Items.number(links, "linkCount")).isZero();
    assertThat(actions(stored)).containsExactly("create");
    assertThat(t.balance("reg-a")).isEqualTo(100_000);
    assertThat(t.ledger("reg-a")).hasSize(1);
  }

  @Test
  void success_createWithLocFormOnlyNormalisesCountryAndDisclose() {
    PostalInfo loc =
        new PostalInfo(
            PostalInfo.Type.LOC, "Jürgen Müller", " ", List.of("Straße 1"), "München", null,
            "80331", "de");
    Contact c =
        createOp
            .create(
                A,
                new ContactCreate.Command(
                    "jm_2", List.of(loc), null, null, null, null, "j@example.de", AUTH,
                    new Disclose(false, Set.of("voice", "email"))))
            .contact();
    PostalInfo p = t.ctx.contact("jm_2").postalInfo().get(0);
    assertThat(p.cc()).isEqualTo("DE");
    assertThat(p.org()).isNull();
    assertThat(p.name()).isEqualTo("Jürgen Müller");
    assertThat(t.ctx.contact("jm_2").disclose()).isEqualTo(c.disclose());
  }

  @Test
  void failure_createOfExistingIdIs2302AndKeepsTheFirst() {
    Contact first = create(t, "reg-a", "dup-1");
    assertFailsUnchanged(
        t, "dup-1", ResultCode.OBJECT_EXISTS, () -> createOp.create(B, command("dup-1")));
    assertThat(t.ctx.contact("dup-1")).isEqualTo(first);
    assertThat(actions(first)).containsExactly("create");
  }

  @Test
  void failure_createMissingValuesIs2003() {
    PostalInfo p = intPostal();
    List<ContactCreate.Command> bad =
        List.of(
            withPostal(List.of()),
            withPostal(List.of(new PostalInfo(PostalInfo.Type.INT, " ", null, List.of(), "Dulles", null, null, "US"))),
            withPostal(List.of(new PostalInfo(PostalInfo.Type.INT, "N", null, List.of(), null, null, null, "US"))),
            withPostal(List.of(new PostalInfo(PostalInfo.Type.INT, "N", null, List.of(), "C", null, null, null))),
            withPostal(List.of(new PostalInfo(null, "N", null, List.of(), "C", null, null, "US"))),
            new ContactCreate.Command("m-1", List.of(p), null, null, null, null, null, AUTH, null),
            new ContactCreate.Command("m-1", List.of(p), null, null, null, null, "a@b.example", null, null),
            new ContactCreate.Command("m-1", List.of(p), null, "12", null, null, "a@b.example", AUTH, null),
            new ContactCreate.Command(null, List.of(p), null, null, null, null, "a@b.example", AUTH, null));
    for (ContactCreate.Command cmd : bad) {
      assertFailsUnchanged(t, "m-1", ResultCode.MISSING_PARAMETER, () -> createOp.create(A, cmd));
    }
    assertThat(t.ctx.findContact("m-1")).isEmpty();
  }

  private static ContactCreate.Command withPostal(List<PostalInfo> postal) {
    return withPostal("m-1", postal);
  }

  private static ContactCreate.Command withPostal(String id, List<PostalInfo> postal) {
    return new ContactCreate.Command(
        id, postal, null, null, null, null, "a@b.example", AUTH, null);
  }

  private static ContactCreate.Command withPhones(String voice, String fax) {
    return new ContactCreate.Command(
        "s-1", List.of(intPostal()), voice, null, fax, null, "a@b.example", AUTH, null);
  }

  @Test
  void failure_createSyntaxErrorsAre2005() {
    PostalInfo p = intPostal();
    PostalInfo nonAsciiInt =
        new PostalInfo(PostalInfo.Type.INT, "Jürgen", null, List.of(), "Berlin", null, null, "DE");
    PostalInfo badCc =
        new PostalInfo(PostalInfo.Type.INT, "N", null, List.of(), "C", null, null, "XX");
    PostalInfo longCc =
        new PostalInfo(PostalInfo.Type.LOC, "N", null, List.of(), "C", null, null, "USA");
    List<ContactCreate.Command> bad =
        List.of(
            withPostal("s-1", List.of(nonAsciiInt)),
            withPostal("s-1", List.of(badCc)),
            new ContactCreate.Command("s-1", List.of(p), null, null, null, null, "not-an-email", AUTH, null),
            new ContactCreate.Command("s-1", List.of(p), null, null, null, null, "a@b", AUTH, null),
            new ContactCreate.Command("s-1", List.of(p), null, null, null, null, "a..b@c.example", AUTH, null),
            withPhones("+1 703 555 5555", null),
            withPhones("7035555555", null),
            withPhones("+1.70355555551234567", null),
            withPhones(null, "+1-7035555555"),
            new ContactCreate.Command("s-1", List.of(p), null, null, null, null, "a@b.example", AUTH,
                new Disclose(false, Set.of("homeAddress"))),
            new ContactCreate.Command("s!", List.of(p), null, null, null, null, "a@b.example", AUTH, null),
            new ContactCreate.Command("ab", List.of(p), null, null, null, null, "a@b.example", AUTH, null),
            new ContactCreate.Command("a-very-long-identifier", List.of(p), null, null, null, null, "a@b.example", AUTH, null));
    for (ContactCreate.Command cmd : bad) {
      assertFailsUnchanged(t, cmd.id(), ResultCode.PARAMETER_VALUE_SYNTAX, () -> createOp.create(A, cmd));
    }
    assertCode(
        () -> createOp.create(A, withPostal("s-1", List.of(longCc))),
        ResultCode.PARAMETER_VALUE_RANGE);
    assertThat(t.ctx.findContact("s-1")).isEmpty();
  }

  @Test
  void failure_createRangeErrorsAre2004() {
    PostalInfo p = intPostal();
    PostalInfo loc = new PostalInfo(PostalInfo.Type.LOC, "N", null, List.of(), "C", null, null, "US");
    PostalInfo fourStreets =
        new PostalInfo(PostalInfo.Type.INT, "N", null, List.of("1", "2", "3", "4"), "C", null, null, "US");
    PostalInfo longName =
        new PostalInfo(PostalInfo.Type.INT, "N".repeat(256), null, List.of(), "C", null, null, "US");
    List<ContactCreate.Command> bad =
        List.of(
            withPostal(List.of(p, p)),
            withPostal(List.of(p, loc, loc)),
            withPostal(List.of(fourStreets)),
            withPostal(List.of(longName)),
            new ContactCreate.Command("m-1", List.of(p), null, null, null, null, "a@b.example", "x".repeat(65), null));
    for (ContactCreate.Command cmd : bad) {
      assertFailsUnchanged(t, "m-1", ResultCode.PARAMETER_VALUE_RANGE, () -> createOp.create(A, cmd));
    }
    assertThat(t.ctx.findContact("m-1")).isEmpty();
  }

  // ---- info -----------------------------------------------------------------------------

  @Test
  void success_infoSponsorSeesAllOthersByAuthInfoOrLimited() {
    Contact c = create(t, "reg-a", "inf-1");

    ContactInfo.Result own = info.info(A, "inf-1", null);
    assertThat(own.full()).isTrue();
    assertThat(own.contact()).isEqualTo(c);
    assertThat(own.statuses()).containsExactly(StatusValue.OK);

    ContactInfo.Result withAuth = info.info(B, "inf-1", AUTH);
    assertThat(withAuth.full()).isTrue();
    assertThat(withAuth.contact().email()).isEqualTo("jdoe@example.com");
    assertThat(withAuth.contact().postalInfo()).isEqualTo(c.postalInfo());
    assertThat(withAuth.contact().authInfoHash()).isNull();

    ContactInfo.Result limited = info.info(B, "inf-1", null);
    assertThat(limited.full()).isFalse();
    assertThat(limited.contact().id()).isEqualTo("inf-1");
    assertThat(limited.contact().roid()).isEqualTo(c.roid());
    assertThat(limited.contact().registrarId()).isEqualTo("reg-a");
    assertThat(limited.contact().postalInfo()).isEmpty();
    assertThat(limited.contact().email()).isNull();
    assertThat(limited.contact().voice()).isNull();
    assertThat(limited.contact().authInfoHash()).isNull();

    assertThat(info.info(ADMIN, "inf-1", null).full()).isTrue();
  }

  @Test
  void success_infoShowsLinkedOnceADomainUsesTheContact() {
    create(t, "reg-a", "inf-2");
    useAsRegistrant("inf-2", "uses.test");
    Contact c = info.info(A, "inf-2", null).contact();
    assertThat(c.linkCount()).isEqualTo(1);
    assertThat(info.info(A, "inf-2", null).statuses())
        .containsExactlyInAnyOrder(StatusValue.LINKED, StatusValue.OK);
  }

  @Test
  void failure_infoWrongAuthInfoIs2202_unknownIs2303() {
    create(t, "reg-a", "inf-3");
    assertFailsUnchanged(
        t, "inf-3", ResultCode.INVALID_AUTH_INFO, () -> info.info(B, "inf-3", "wrong-pw"));
    assertFailsUnchanged(
        t, "nobody", ResultCode.OBJECT_DOES_NOT_EXIST, () -> info.info(A, "nobody", null));
  }

  // ---- update ---------------------------------------------------------------------------

  @Test
  void success_updateChangesFieldsAndStatusesWithHistory() {
    Contact before = create(t, "reg-a", "up-1");
    t.clock.advance(Duration.ofHours(1));
    PostalInfo newAddr =
        new PostalInfo(PostalInfo.Type.INT, null, null, List.of("1 New St"), "Reston", null, null, "us");
    PostalInfo loc =
        new PostalInfo(PostalInfo.Type.LOC, "Jöhn Döe", null, List.of(), "Réston", null, null, "US");
    ContactUpdate.Result r =
        update.update(
            A,
            new ContactUpdate.Command(
                "up-1",
                Set.of(StatusValue.CLIENT_DELETE_PROHIBITED),
                null,
                new ContactUpdate.Change(
                    List.of(newAddr, loc), "", null, "+44.2071234567", "99", "new@example.org",
                    "new-auth-2", new Disclose(false, Set.of("email")))));

    Contact after = t.ctx.contact("up-1");
    assertThat(after).isEqualTo(r.contact());
    assertThat(after.version()).isEqualTo(2);
    assertThat(after.updatedAt()).isEqualTo(TestRegistry.START.plus(Duration.ofHours(1)));
    assertThat(after.updatedBy()).isEqualTo("reg-a");
    assertThat(after.statuses()).containsExactly(StatusValue.CLIENT_DELETE_PROHIBITED);
    PostalInfo intForm = after.postalInfo().get(0);
    assertThat(intForm.name()).isEqualTo("John Doe");
    assertThat(intForm.org()).isEqualTo("Example Inc.");
    assertThat(intForm.street()).containsExactly("1 New St");
    assertThat(intForm.city()).isEqualTo("Reston");
    assertThat(intForm.sp()).isNull();
    assertThat(intForm.cc()).isEqualTo("US");
    assertThat(after.postalInfo().get(1).name()).isEqualTo("Jöhn Döe");
    assertThat(after.voice()).isNull();
    assertThat(after.voiceExt()).isNull();
    assertThat(after.fax()).isEqualTo("+44.2071234567");
    assertThat(after.faxExt()).isEqualTo("99");
    assertThat(after.email()).isEqualTo("new@example.org");
    assertThat(PasswordHasher.verify("new-auth-2", after.authInfoHash())).isTrue();
    assertThat(after.disclose()).isEqualTo(new Disclose(false, Set.of("email")));
    assertThat(after.createdAt()).isEqualTo(before.createdAt());
    assertThat(actions(after)).containsExactly("create", "update");

    update.update(A, statuses("up-1", null, Set.of(StatusValue.CLIENT_DELETE_PROHIBITED)));
    assertThat(t.ctx.contact("up-1").statuses()).isEmpty();
    assertThat(t.ctx.contact("up-1").version()).isEqualTo(3);
  }

  @Test
  void success_removingClientUpdateProhibitedUnlocksTheSameCommand() {
    create(t, "reg-a", "up-2");
    update.update(A, statuses("up-2", Set.of(StatusValue.CLIENT_UPDATE_PROHIBITED), null));
    update.update(
        A,
        new ContactUpdate.Command(
            "up-2", null, Set.of(StatusValue.CLIENT_UPDATE_PROHIBITED), email("x@example.net")));
    Contact c = t.ctx.contact("up-2");
    assertThat(c.statuses()).isEmpty();
    assertThat(c.email()).isEqualTo("x@example.net");
  }

  @Test
  void success_registryAddsAndRemovesServerStatuses() {
    create(t, "reg-a", "up-3");
    update.update(ADMIN, statuses("up-3", Set.of(StatusValue.SERVER_UPDATE_PROHIBITED), null));
    assertThat(t.ctx.contact("up-3").statuses())
        .containsExactly(StatusValue.SERVER_UPDATE_PROHIBITED);
    assertFailsUnchanged(
        t, "up-3", ResultCode.STATUS_PROHIBITS_OPERATION,
        () -> update.update(A, new ContactUpdate.Command("up-3", null, null, email("y@example.net"))));
    assertFailsUnchanged(
        t, "up-3", ResultCode.STATUS_PROHIBITS_OPERATION,
        () -> update.update(ADMIN, new ContactUpdate.Command("up-3", null, null, email("y@example.net"))));
    update.update(ADMIN, statuses("up-3", null, Set.of(StatusValue.SERVER_UPDATE_PROHIBITED)));
    update.update(A, new ContactUpdate.Command("up-3", null, null, email("y@example.net")));
    assertThat(t.ctx.contact("up-3").email()).isEqualTo("y@example.net");
  }

  @Test
  void failure_updateByNonSponsorIs2201_unknownIs2303() {
    create(t, "reg-a", "up-4");
    assertFailsUnchanged(
        t, "up-4", ResultCode.AUTHORIZATION_ERROR,
        () -> update.update(B, new ContactUpdate.Command("up-4", null, null, email("b@example.net"))));
    assertFailsUnchanged(
        t, "nobody", ResultCode.OBJECT_DOES_NOT_EXIST,
        () -> update.update(A, new ContactUpdate.Command("nobody", null, null, email("b@example.net"))));
  }

  @Test
  void failure_updateProhibitedOrPendingTransferIs2304() {
    create(t, "reg-a", "up-5");
    update.update(A, statuses("up-5", Set.of(StatusValue.CLIENT_UPDATE_PROHIBITED), null));
    assertFailsUnchanged(
        t, "up-5", ResultCode.STATUS_PROHIBITS_OPERATION,
        () -> update.update(A, new ContactUpdate.Command("up-5", null, null, email("z@example.net"))));
    assertFailsUnchanged(
        t, "up-5", ResultCode.STATUS_PROHIBITS_OPERATION,
        () -> update.update(A, statuses("up-5", Set.of(StatusValue.CLIENT_DELETE_PROHIBITED), null)));

    create(t, "reg-a", "up-6");
    new ContactTransfer(t.ctx).request(B, "up-6", AUTH);
    assertFailsUnchanged(
        t, "up-6", ResultCode.STATUS_PROHIBITS_OPERATION,
        () -> update.update(A, new ContactUpdate.Command("up-6", null, null, email("z@example.net"))));
  }

  @Test
  void failure_updateStatusPolicyIs2306_inapplicableIs2004() {
    create(t, "reg-a", "up-7");
    update.update(A, statuses("up-7", Set.of(StatusValue.CLIENT_DELETE_PROHIBITED), null));
    var ok = ResultCode.PARAMETER_VALUE_POLICY;
    assertFailsUnchanged(t, "up-7", ok,
        () -> update.update(A, statuses("up-7", Set.of(StatusValue.CLIENT_DELETE_PROHIBITED), null)));
    assertFailsUnchanged(t, "up-7", ok,
        () -> update.update(A, statuses("up-7", null, Set.of(StatusValue.CLIENT_TRANSFER_PROHIBITED))));
    assertFailsUnchanged(t, "up-7", ok,
        () -> update.update(A, statuses("up-7", Set.of(StatusValue.SERVER_DELETE_PROHIBITED), null)));
    assertFailsUnchanged(t, "up-7", ok,
        () -> update.update(A, statuses("up-7",
            Set.of(StatusValue.CLIENT_TRANSFER_PROHIBITED), Set.of(StatusValue.CLIENT_TRANSFER_PROHIBITED))));
    for (StatusValue s : List.of(StatusValue.OK, StatusValue.LINKED, StatusValue.CLIENT_HOLD,
        StatusValue.PENDING_TRANSFER, StatusValue.SERVER_RENEW_PROHIBITED)) {
      assertFailsUnchanged(t, "up-7", ResultCode.PARAMETER_VALUE_RANGE,
          () -> update.update(A, statuses("up-7", Set.of(s), null)));
      assertFailsUnchanged(t, "up-7", ResultCode.PARAMETER_VALUE_RANGE,
          () -> update.update(ADMIN, statuses("up-7", Set.of(s), null)));
    }
  }

  @Test
  void failure_updateBadValuesChangeNothing() {
    create(t, "reg-a", "up-8");
    assertFailsUnchanged(t, "up-8", ResultCode.MISSING_PARAMETER,
        () -> update.update(A, new ContactUpdate.Command("up-8", null, null, null)));
    assertFailsUnchanged(t, "up-8", ResultCode.MISSING_PARAMETER,
        () -> update.update(A, new ContactUpdate.Command("up-8", Set.of(), Set.of(),
            new ContactUpdate.Change(List.of(), null, null, null, null, null, null, null))));
    assertFailsUnchanged(t, "up-8", ResultCode.MISSING_PARAMETER,
        () -> update.update(A, new ContactUpdate.Command("up-8", null, null,
            new ContactUpdate.Change(null, null, null, null, null, null, "", null))));
    assertFailsUnchanged(t, "up-8", ResultCode.MISSING_PARAMETER,
        () -> update.update(A, new ContactUpdate.Command("up-8", null, null,
            new ContactUpdate.Change(List.of(new PostalInfo(PostalInfo.Type.LOC, "Only Name",
                null, List.of(), null, null, null, null)), null, null, null, null, null, null, null))));
    assertFailsUnchanged(t, "up-8", ResultCode.PARAMETER_VALUE_SYNTAX,
        () -> update.update(A, new ContactUpdate.Command("up-8", null, null, email("nope"))));
    assertFailsUnchanged(t, "up-8", ResultCode.PARAMETER_VALUE_SYNTAX,
        () -> update.update(A, new ContactUpdate.Command("up-8", null, null,
            new ContactUpdate.Change(null, "+1.70a", null, null, null, null, null, null))));
    assertFailsUnchanged(t, "up-8", ResultCode.PARAMETER_VALUE_SYNTAX,
        () -> update.update(A, new ContactUpdate.Command("up-8", null, null,
            new ContactUpdate.Change(List.of(new PostalInfo(PostalInfo.Type.INT, "Zoë", null,
                List.of(), null, null, null, null)), null, null, null, null, null, null, null))));
    assertFailsUnchanged(t, "up-8", ResultCode.PARAMETER_VALUE_RANGE,
        () -> update.update(A, new ContactUpdate.Command("up-8", null, null,
            new ContactUpdate.Change(List.of(intPostal(), intPostal()), null, null, null, null,
                null, null, null))));
  }

  // ---- delete ---------------------------------------------------------------------------

  @Test
  void success_deleteRemovesContactAndCounterAndFreesTheId() {
    Contact c = create(t, "reg-a", "del-1");
    t.clock.advance(Duration.ofMinutes(1));
    ContactDelete.Result r = delete.delete(A, "del-1");

    assertThat(r.deleted()).isEqualTo(c);
    assertThat(t.ctx.findContact("del-1")).isEmpty();
    assertThat(t.ctx.store().queryPrefix(Keys.contact("del-1"), "", 10)).isEmpty();
    assertThat(actions(c)).containsExactly("create", "delete");
    assertThat(check.check(List.of("del-1")).get(0).available()).isTrue();
    Contact again = create(t, "reg-b", "del-1");
    assertThat(again.roid()).isNotEqualTo(c.roid());
  }

  @Test
  void failure_contactUsedByADomainIs2305AndStays() {
    Contact c = create(t, "reg-a", "del-2");
    useAsRegistrant("del-2", "owner.test");
    assertFailsUnchanged(
        t, "del-2", ResultCode.ASSOCIATION_PROHIBITS_OPERATION, () -> delete.delete(A, "del-2"));
    assertFailsUnchanged(
        t, "del-2", ResultCode.ASSOCIATION_PROHIBITS_OPERATION, () -> delete.delete(ADMIN, "del-2"));
    Contact stored = t.ctx.contact("del-2");
    assertThat(stored.version()).isEqualTo(c.version());
    assertThat(stored.linked()).isTrue();
    assertThat(t.ctx.findDomain("owner.test").orElseThrow().registrant()).isEqualTo("del-2");
  }

  @Test
  void failure_deleteByNonSponsorIs2201_unknownIs2303() {
    create(t, "reg-a", "del-3");
    assertFailsUnchanged(t, "del-3", ResultCode.AUTHORIZATION_ERROR, () -> delete.delete(B, "del-3"));
    assertFailsUnchanged(t, "nobody", ResultCode.OBJECT_DOES_NOT_EXIST, () -> delete.delete(A, "nobody"));
  }

  @Test
  void failure_deleteProhibitedOrPendingTransferIs2304() {
    create(t, "reg-a", "del-4");
    update.update(A, statuses("del-4", Set.of(StatusValue.CLIENT_DELETE_PROHIBITED), null));
    assertFailsUnchanged(t, "del-4", ResultCode.STATUS_PROHIBITS_OPERATION, () -> delete.delete(A, "del-4"));

    create(t, "reg-a", "del-5");
    update.update(ADMIN, statuses("del-5", Set.of(StatusValue.SERVER_DELETE_PROHIBITED), null));
    assertFailsUnchanged(t, "del-5", ResultCode.STATUS_PROHIBITS_OPERATION, () -> delete.delete(A, "del-5"));

    create(t, "reg-a", "del-6");
    new ContactTransfer(t.ctx).request(B, "del-6", AUTH);
    assertFailsUnchanged(t, "del-6", ResultCode.STATUS_PROHIBITS_OPERATION, () -> delete.delete(A, "del-6"));
  }

  /**
   * Deletes racing domain creates that use the contact: whichever order the transactions
   * commit in, a domain never refers to a contact that is gone.
   */
  @Test
  void success_deleteRacingDomainCreatesNeverLeavesADanglingReference() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int r = 0; r < 6; r++) {
        int round = r;
        String id = "race-" + round;
        create(t, "reg-a", id);
        List<Callable<Boolean>> jobs = new ArrayList<>();
        jobs.add(() -> attempt(() -> delete.delete(A, id)));
        for (int i = 0; i < 3; i++) {
          String name = "race" + round + "x" + i + ".test";
          jobs.add(() -> attempt(() -> useAsRegistrant(id, name)));
        }
        List<Future<Boolean>> done = pool.invokeAll(jobs);
        boolean deleted = done.get(0).get();
        long domains =
            IntStream.range(0, 3)
                .filter(i -> t.ctx.findDomain("race" + round + "x" + i + ".test").isPresent())
                .count();
        if (deleted) {
          assertThat(t.ctx.findContact(id)).isEmpty();
          assertThat(domains).isZero();
        } else {
          assertThat(t.ctx.contact(id).linkCount()).isEqualTo(domains).isPositive();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean attempt(Runnable r) {
    try {
      r.run();
      return true;
    } catch (RegistryException e) {
      assertThat(e.code())
          .isIn(
              ResultCode.ASSOCIATION_PROHIBITS_OPERATION,
              ResultCode.OBJECT_DOES_NOT_EXIST,
              ResultCode.COMMAND_FAILED);
      return false;
    }
  }
}
