package org.opentld.registry.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.history.HistoryRecord;

class PanelAccessTest {
  private static final User ADMIN = user("root", User.Role.ADMIN, null);
  private static final User AUDITOR = user("aud", User.Role.AUDITOR, null);
  private static final User REG_A = user("ra", User.Role.REGISTRAR, "reg-a");

  private static User user(String name, User.Role role, String registrar) {
    return new User(name, "x", role, registrar, "S", false, Instant.EPOCH, 1);
  }

  private static ObjectNode sponsoredBy(String registrar) {
    return JsonNodeFactory.instance.objectNode().put("registrarId", registrar).put("name", "d.test");
  }

  private static HistoryRecord record(String roid, String by, ObjectNode before, ObjectNode after) {
    return new HistoryRecord("id", roid, "domain", "d.test", "x", by, by, null, "SV", Instant.EPOCH,
        before, after, "<epp/>");
  }

  @Test
  void permissions_auditorReadsOnly_registrarHasNoAdminPowers() {
    assertThat(PanelAccess.permissions(AUDITOR)).noneMatch(p -> p.label().endsWith(":write") || p.label().endsWith(":ack"));
    assertThat(PanelAccess.permissions(REG_A))
        .doesNotContain(PanelAccess.Permission.MONEY_WRITE, PanelAccess.Permission.USERS_WRITE,
            PanelAccess.Permission.TLDS_WRITE, PanelAccess.Permission.REGISTRARS_WRITE,
            PanelAccess.Permission.REPORTS_READ);
    assertThat(PanelAccess.permissions(ADMIN)).containsAll(List.of(PanelAccess.Permission.values()));
    assertThatThrownBy(() -> PanelAccess.require(AUDITOR, PanelAccess.Permission.OBJECTS_WRITE))
        .isInstanceOf(RegistryException.AuthorizationFailed.class);
  }

  @Test
  void readScope_registrarIsPinnedToItsOwn() {
    assertThat(PanelAccess.readScope(REG_A, null)).isEqualTo("reg-a");
    assertThat(PanelAccess.readScope(REG_A, "reg-a")).isEqualTo("reg-a");
    assertThatThrownBy(() -> PanelAccess.readScope(REG_A, "reg-b"))
        .isInstanceOf(RegistryException.AuthorizationFailed.class);
    assertThat(PanelAccess.readScope(AUDITOR, null)).isNull();
    assertThat(PanelAccess.readScope(ADMIN, "reg-b")).isEqualTo("reg-b");
    assertThatThrownBy(() -> PanelAccess.requireVisible(REG_A, "reg-b", "domain d.test"))
        .isInstanceOf(RegistryException.ObjectDoesNotExist.class);
  }

  @Test
  void historyView_registrarSeesItsOwnStateOnly() {
    HistoryRecord theirs = record("R1", "reg-b", sponsoredBy("reg-b"), sponsoredBy("reg-b"));
    assertThat(PanelAccess.historyView(REG_A, theirs)).isEmpty();
    assertThat(PanelAccess.historyView(AUDITOR, theirs)).contains(theirs);

    HistoryRecord transferIn = record("R1", "reg-b", sponsoredBy("reg-b"), sponsoredBy("reg-a"));
    HistoryRecord shown = PanelAccess.historyView(REG_A, transferIn).orElseThrow();
    assertThat(shown.before()).isNull();
    assertThat(shown.after()).isEqualTo(sponsoredBy("reg-a"));
    assertThat(shown.request()).isNull();

    HistoryRecord ownRequestOnTheirs = record("R1", "reg-a", sponsoredBy("reg-b"), sponsoredBy("reg-b"));
    HistoryRecord req = PanelAccess.historyView(REG_A, ownRequestOnTheirs).orElseThrow();
    assertThat(req.before()).isNull();
    assertThat(req.after()).isNull();

    HistoryRecord oldRegistration = record("R0", "reg-a", null, sponsoredBy("reg-a"));
    assertThat(PanelAccess.objectHistory(REG_A, List.of(oldRegistration, transferIn), "R1")).hasSize(1);
    assertThat(PanelAccess.objectHistory(ADMIN, List.of(oldRegistration, transferIn), "R1")).hasSize(2);
  }
}
