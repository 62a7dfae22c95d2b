package org.opentld.registry.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.history.HistoryRecord;

/**
 * Who may do what in the panel, decided here and nowhere else: admins everything; registrar
 * users their own registrar's account, objects, money, messages and users, and nothing of any
 * other registrar; auditors read everything and change nothing. Objects of another registrar
 * are reported as not existing (2303), so that guessing names or ids learns nothing; a
 * forbidden action is 2201.
 */
public final class PanelAccess {
  /** What a role may do; the panel shows or hides features by these. */
  public enum Permission {
    DASHBOARD_READ("dashboard:read"),
    REGISTRARS_READ("registrars:read"),
    REGISTRARS_WRITE("registrars:write"),
    REGISTRARS_CREDENTIALS("registrars:credentials"),
    MONEY_WRITE("money:write"),
    TLDS_READ("tlds:read"),
    TLDS_WRITE("tlds:write"),
    OBJECTS_READ("objects:read"),
    OBJECTS_WRITE("objects:write"),
    POLL_READ("poll:read"),
    POLL_ACK("poll:ack"),
    AUDIT_READ("audit:read"),
    USERS_READ("users:read"),
    USERS_WRITE("users:write"),
    REPORTS_READ("reports:read"),
    LOOKUP("lookup");

    private final String label;

    Permission(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private static final Set<Permission> AUDITOR =
      EnumSet.of(
          Permission.DASHBOARD_READ, Permission.REGISTRARS_READ, Permission.TLDS_READ,
          Permission.OBJECTS_READ, Permission.POLL_READ, Permission.AUDIT_READ,
          Permission.USERS_READ, Permission.REPORTS_READ, Permission.LOOKUP);

  private static final Set<Permission> REGISTRAR =
      EnumSet.of(
          Permission.DASHBOARD_READ, Permission.REGISTRARS_READ, Permission.REGISTRARS_CREDENTIALS,
          Permission.TLDS_READ, Permission.OBJECTS_READ, Permission.OBJECTS_WRITE,
          Permission.POLL_READ, Permission.POLL_ACK, Permission.AUDIT_READ, Permission.USERS_READ,
          Permission.LOOKUP);

  private final RegistryContext ctx;
  private final boolean requireTotp;

  /**
   * @param requireTotp if true, a user without a second factor may only enrol one (and read
   *     or end their own session) until they have
   */
  public PanelAccess(RegistryContext ctx, boolean requireTotp) {
    this.ctx = ctx;
    this.requireTotp = requireTotp;
  }

  public static Set<Permission> permissions(User u) {
    return switch (u.role()) {
      case ADMIN -> EnumSet.allOf(Permission.class);
      case AUDITOR -> EnumSet.copyOf(AUDITOR);
      case REGISTRAR -> EnumSet.copyOf(REGISTRAR);
    };
  }

  /** True if the user must enrol TOTP before using anything else. */
  public boolean mustEnrolTotp(User u) {
    return requireTotp && !u.totpEnabled();
  }

  /** 2201 unless the user's role has the permission. */
  public static void require(User u, Permission p) {
    if (!permissions(u).contains(p)) {
      throw new RegistryException.AuthorizationFailed(
          "role " + u.role() + " may not do this (" + p.label() + ")");
    }
  }

  public static boolean isRegistrarUser(User u) {
    return u.role() == User.Role.REGISTRAR;
  }

  /**
   * The registrar a read is limited to: a registrar user's own (asking for another's is 2201),
   * or for admins and auditors the one asked for, null meaning all.
   */
  public static String readScope(User u, String requested) {
    if (isRegistrarUser(u)) {
      if (requested != null && !requested.isBlank() && !requested.equals(u.registrarId())) {
        throw new RegistryException.AuthorizationFailed("only your own registrar's data");
      }
      return u.registrarId();
    }
    return requested == null || requested.isBlank() ? null : requested;
  }

  /**
   * Requires that a registrar account (its settings, ledger, users) is the user's to see with
   * {@code p}: for registrar users only their own, and another registrar's is 2303.
   */
  public void requireAccount(User u, String registrarId, Permission p) {
    require(u, p);
    if (isRegistrarUser(u) && !u.registrarId().equals(registrarId)) {
      throw new RegistryException.ObjectDoesNotExist("registrar " + registrarId + " does not exist");
    }
    ctx.registrar(registrarId);
  }

  /** 2303 if a registrar user asks for an object sponsored by another registrar. */
  public static void requireVisible(User u, String sponsorId, String what) {
    if (isRegistrarUser(u) && !u.registrarId().equals(sponsorId)) {
      throw new RegistryException.ObjectDoesNotExist(what + " does not exist");
    }
  }

  /** True if the object is the user's to see. */
  public static boolean visible(User u, String sponsorId) {
    return !isRegistrarUser(u) || u.registrarId().equals(sponsorId);
  }

  /**
   * The {@link Caller} for an object operation by this user: a registrar user acts as its
   * registrar; an admin as the registry (superuser), or for {@code actingFor} exactly as that
   * registrar would (its rules, its money), the admin named in the history; auditors never.
   */
  public Caller caller(User u, String actingFor, String svTrid) {
    require(u, Permission.OBJECTS_WRITE);
    String actor = "panel:" + u.username();
    if (isRegistrarUser(u)) {
      if (actingFor != null && !actingFor.isBlank() && !actingFor.equals(u.registrarId())) {
        throw new RegistryException.AuthorizationFailed("you act only for your own registrar");
      }
      return new Caller(u.registrarId(), false, actor, null, svTrid, null);
    }
    if (actingFor == null || actingFor.isBlank()) {
      return new Caller("registry", true, actor, null, svTrid, null);
    }
    ctx.registrar(actingFor);
    return new Caller(actingFor, false, actor, null, svTrid, null);
  }

  /** The caller for an account or policy change by an admin (or a registrar on its own). */
  public static Caller adminCaller(User u, String svTrid) {
    return new Caller(
        isRegistrarUser(u) ? u.registrarId() : "registry", !isRegistrarUser(u),
        "panel:" + u.username(), null, svTrid, null);
  }

  /**
   * An admin may not disable, demote or 2FA-reset themselves through the user admin, so the
   * registry is never left without a working admin by accident (2306).
   */
  public static void requireNotSelf(User u, String username, String what) {
    if (u.username().equals(username)) {
      throw new RegistryException.PolicyError("you cannot " + what + " yourself");
    }
  }

  /**
   * A history record as this user may see it: whole for admins and auditors; for a registrar
   * user only if its registrar made the change or the object was its own before or after, and
   * without any snapshot of the object while another registrar sponsored it (a transfer's
   * "before", a previous registration of the same name).
   */
  public static Optional<HistoryRecord> historyView(User u, HistoryRecord h) {
    if (!isRegistrarUser(u)) {
      return Optional.of(h);
    }
    String own = u.registrarId();
    boolean ownBefore = sponsoredBy(h.before(), own);
    boolean ownAfter = sponsoredBy(h.after(), own);
    if (!own.equals(h.registrarId()) && !ownBefore && !ownAfter) {
      return Optional.empty();
    }
    return Optional.of(new HistoryRecord(
        h.id(), h.roid(), h.objectType(), h.objectName(), h.action(), h.registrarId(), h.actor(),
        h.clTrid(), h.svTrid(), h.at(), ownBefore ? h.before() : null, ownAfter ? h.after() : null,
        null));
  }

  /** The history of one object (at its current ROID) as this user may see it. */
  public static List<HistoryRecord> objectHistory(User u, List<HistoryRecord> all, String roid) {
    return all.stream()
        .filter(h -> !isRegistrarUser(u) || roid.equals(h.roid()))
        .map(h -> historyView(u, h))
        .flatMap(Optional::stream)
        .toList();
  }

  private static boolean sponsoredBy(JsonNode snapshot, String registrarId) {
    return snapshot != null && snapshot.has("registrarId")
        && registrarId.equals(snapshot.get("registrarId").asText());
  }
}
