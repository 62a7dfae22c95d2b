package org.opentld.registry.functions.panel;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.opentld.registry.billing.LedgerEntry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.user.PanelAccess;
import org.opentld.registry.user.PanelAccess.Permission;
import org.opentld.registry.user.User;

/** Registrar accounts (settings, credentials, money, ledger) and panel users. */
final class AccountRoutes {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final PanelApp app;

  AccountRoutes(PanelApp app) {
    this.app = app;
  }

  void register(Router r) {
    r.get("registrars", this::list);
    r.post("registrars", this::create);
    r.get("registrars/{id}", this::get);
    r.patch("registrars/{id}", this::update);
    r.post("registrars/{id}/suspend", x -> status(x, Registrar.Status.SUSPENDED));
    r.post("registrars/{id}/reactivate", x -> status(x, Registrar.Status.ACTIVE));
    r.post("registrars/{id}/password", this::eppPassword);
    r.put("registrars/{id}/ip-allowlist", this::ipAllowlist);
    r.put("registrars/{id}/certificates", this::certificates);
    r.post("registrars/{id}/deposits", this::deposit);
    r.put("registrars/{id}/credit-limit", this::creditLimit);
    r.get("registrars/{id}/ledger", this::ledger);
    r.get("registrars/{id}/ledger.csv", this::ledgerCsv);
    r.get("registrars/{id}/users", this::registrarUsers);
    r.delete("registrars/{id}/users/{username}/totp", this::registrarUserTotpReset);
    r.get("users", this::users);
    r.post("users", this::createUser);
    r.get("users/{username}", this::user);
    r.patch("users/{username}", this::updateUser);
    r.post("users/{username}/password", this::userPassword);
    r.post("users/{username}/unlock", this::unlock);
    r.delete("users/{username}/totp", this::totpReset);
  }

  private Caller caller(PanelRequest r) {
    return PanelAccess.adminCaller(r.user, r.svTrid());
  }

  /** The registrar of the path, if the user may see it with {@code p} (else 2303 or 2201). */
  private Registrar account(PanelRequest r, Permission p) {
    app.access.requireAccount(r.user, r.param("id"), p);
    return app.ctx.registrar(r.param("id"));
  }

  private APIGatewayV2HTTPResponse list(PanelRequest r) {
    PanelAccess.require(r.user, Permission.REGISTRARS_READ);
    List<Registrar> all =
        PanelAccess.isRegistrarUser(r.user)
            ? List.of(app.ctx.registrar(r.user.registrarId()))
            : app.registrars.list();
    return Answers.ok(PanelJson.list(all, false, PanelJson::registrar));
  }

  private APIGatewayV2HTTPResponse create(PanelRequest r) {
    PanelAccess.require(r.user, Permission.REGISTRARS_WRITE);
    String currency = r.required("currency").toUpperCase(Locale.ROOT);
    String credit = r.str("creditLimit");
    Long iana = r.has("ianaId") ? Long.valueOf(r.required("ianaId")) : null;
    List<String> ips = r.strings("ipAllowlist");
    List<String> certs = r.strings("certFingerprints");
    Registrar created =
        app.registrars.create(
            caller(r), r.required("id"), r.required("name"), iana, r.required("password"),
            certs == null ? java.util.Set.of() : new LinkedHashSet<>(certs),
            ips == null ? List.of() : ips, currency,
            credit == null ? 0 : money(credit, currency).minor(), r.str("email"), r.str("abuseEmail"));
    return Answers.created(PanelJson.registrar(created));
  }

  private APIGatewayV2HTTPResponse get(PanelRequest r) {
    return Answers.ok(PanelJson.registrar(account(r, Permission.REGISTRARS_READ)));
  }

  private APIGatewayV2HTTPResponse update(PanelRequest r) {
    Registrar c = account(r, Permission.REGISTRARS_WRITE);
    Long iana = r.has("ianaId") ? Long.valueOf(r.required("ianaId")) : c.ianaId();
    Registrar changed =
        new Registrar(
            c.id(), or(r.str("name"), c.name()), iana, c.status(), c.passwordHash(),
            c.certFingerprints(), c.ipAllowlist(), c.balance(), c.creditLimit(), c.currency(),
            or(r.str("email"), c.email()), or(r.str("phone"), c.phone()), or(r.str("url"), c.url()),
            or(r.str("whoisServer"), c.whoisServer()), or(r.str("abuseEmail"), c.abuseEmail()),
            or(r.str("abusePhone"), c.abusePhone()), c.createdAt(), c.updatedAt(), c.version(),
            c.address());
    return Answers.ok(PanelJson.registrar(app.registrars.update(caller(r), changed)));
  }

  private APIGatewayV2HTTPResponse status(PanelRequest r, Registrar.Status s) {
    account(r, Permission.REGISTRARS_WRITE);
    return Answers.ok(PanelJson.registrar(app.registrars.setStatus(caller(r), r.param("id"), s)));
  }

  private APIGatewayV2HTTPResponse eppPassword(PanelRequest r) {
    account(r, Permission.REGISTRARS_CREDENTIALS);
    String password = r.str("password");
    if (password == null) {
      byte[] b = new byte[18];
      RANDOM.nextBytes(b);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
    app.registrars.changePassword(caller(r), r.param("id"), password);
    ObjectNode o = PanelJson.object();
    o.put("password", password);
    return Answers.ok(o);
  }

  private APIGatewayV2HTTPResponse ipAllowlist(PanelRequest r) {
    account(r, Permission.REGISTRARS_CREDENTIALS);
    List<String> ips = r.strings("ipAllowlist");
    if (ips == null) {
      throw PanelException.badRequest("ipAllowlist is required (an empty list allows any address)");
    }
    return Answers.ok(PanelJson.registrar(app.registrars.setIpAllowlist(caller(r), r.param("id"), ips)));
  }

  private APIGatewayV2HTTPResponse certificates(PanelRequest r) {
    account(r, Permission.REGISTRARS_CREDENTIALS);
    List<String> certs = r.strings("certFingerprints");
    if (certs == null) {
      throw PanelException.badRequest("certFingerprints is required");
    }
    return Answers.ok(PanelJson.registrar(
        app.registrars.setCertFingerprints(caller(r), r.param("id"), new LinkedHashSet<>(certs))));
  }

  private APIGatewayV2HTTPResponse deposit(PanelRequest r) {
    Registrar reg = account(r, Permission.MONEY_WRITE);
    LedgerEntry e =
        app.registrars.deposit(caller(r), reg.id(), money(r.required("amount"), reg.currency()), r.str("note"));
    return Answers.created(PanelJson.ledger(e));
  }

  private APIGatewayV2HTTPResponse creditLimit(PanelRequest r) {
    Registrar reg = account(r, Permission.MONEY_WRITE);
    return Answers.ok(PanelJson.registrar(
        app.registrars.setCreditLimit(caller(r), reg.id(), money(r.required("creditLimit"), reg.currency()))));
  }

  private APIGatewayV2HTTPResponse ledger(PanelRequest r) {
    Registrar reg = account(r, Permission.REGISTRARS_READ);
    int limit = Math.max(1, Math.min(r.intQuery("limit", 200), 1000));
    List<LedgerEntry> entries = app.registrars.ledgerNewestFirst(reg.id(), limit + 1);
    return Answers.ok(PanelJson.list(
        entries.subList(0, Math.min(limit, entries.size())), entries.size() > limit, PanelJson::ledger));
  }

  private APIGatewayV2HTTPResponse ledgerCsv(PanelRequest r) {
    Registrar reg = account(r, Permission.REGISTRARS_READ);
    StringBuilder sb = new StringBuilder("at,id,kind,tld,object,years,amount,currency,reference,description\r\n");
    for (LedgerEntry e : app.registrars.ledger(reg.id(), 1_000_000)) {
      sb.append(String.join(",",
              e.at().toString(), csv(e.id()), csv(e.kind()), csv(e.tld()), csv(e.objectName()),
              Integer.toString(e.years()), Money.of(e.amount(), e.currency()).decimal(),
              csv(e.currency()), csv(e.reference()), csv(e.description())))
          .append("\r\n");
    }
    return Answers.download("text/csv; charset=utf-8", "ledger-" + reg.id() + ".csv", sb.toString());
  }

  private APIGatewayV2HTTPResponse registrarUsers(PanelRequest r) {
    account(r, Permission.USERS_READ);
    return Answers.ok(PanelJson.list(
        app.users.listForRegistrar(r.param("id")), false, u -> PanelJson.user(u, app.ctx.now())));
  }

  private APIGatewayV2HTTPResponse registrarUserTotpReset(PanelRequest r) {
    account(r, Permission.USERS_WRITE);
    User u = app.users.user(r.param("username"));
    if (!r.param("id").equals(u.registrarId())) {
      throw PanelException.notFound("user " + r.param("username") + " is not a user of " + r.param("id"));
    }
    return totpReset(r);
  }

  private APIGatewayV2HTTPResponse users(PanelRequest r) {
    PanelAccess.require(r.user, Permission.USERS_READ);
    List<User> all =
        PanelAccess.isRegistrarUser(r.user)
            ? app.users.listForRegistrar(r.user.registrarId())
            : app.users.list();
    return Answers.ok(PanelJson.list(all, false, u -> PanelJson.user(u, app.ctx.now())));
  }

  private APIGatewayV2HTTPResponse user(PanelRequest r) {
    PanelAccess.require(r.user, Permission.USERS_READ);
    User u = app.users.user(r.param("username"));
    PanelAccess.requireVisible(r.user, u.registrarId(), "user " + u.username());
    return Answers.ok(PanelJson.user(u, app.ctx.now()));
  }

  private APIGatewayV2HTTPResponse createUser(PanelRequest r) {
    PanelAccess.require(r.user, Permission.USERS_WRITE);
    User u =
        app.users.create(
            caller(r), r.required("username"), r.required("password"), role(r.required("role")),
            r.str("registrarId"));
    return Answers.created(PanelJson.user(u, app.ctx.now()));
  }

  private APIGatewayV2HTTPResponse updateUser(PanelRequest r) {
    PanelAccess.require(r.user, Permission.USERS_WRITE);
    String name = r.param("username");
    User u = app.users.user(name);
    if (r.has("role") || r.has("registrarId")) {
      PanelAccess.requireNotSelf(r.user, name, "change the role of");
      User.Role role = r.has("role") ? role(r.required("role")) : u.role();
      String registrar = r.body().has("registrarId") ? r.str("registrarId") : u.registrarId();
      u = app.users.changeRole(caller(r), name, role, role == User.Role.REGISTRAR ? registrar : null);
    }
    Boolean disabled = r.bool("disabled");
    if (disabled != null && disabled != u.disabled()) {
      PanelAccess.requireNotSelf(r.user, name, "disable");
      u = app.users.setDisabled(caller(r), name, disabled);
    }
    return Answers.ok(PanelJson.user(u, app.ctx.now()));
  }

  private APIGatewayV2HTTPResponse userPassword(PanelRequest r) {
    PanelAccess.require(r.user, Permission.USERS_WRITE);
    app.users.setPassword(caller(r), r.param("username"), r.required("password"));
    return Answers.noContent();
  }

  private APIGatewayV2HTTPResponse unlock(PanelRequest r) {
    PanelAccess.require(r.user, Permission.USERS_WRITE);
    return Answers.ok(PanelJson.user(app.users.unlock(caller(r), r.param("username")), app.ctx.now()));
  }

  private APIGatewayV2HTTPResponse totpReset(PanelRequest r) {
    PanelAccess.require(r.user, Permission.USERS_WRITE);
    PanelAccess.requireNotSelf(r.user, r.param("username"), "reset the second factor of");
    return Answers.ok(PanelJson.user(app.users.resetTotp(caller(r), r.param("username")), app.ctx.now()));
  }

  static Money money(String amount, String currency) {
    try {
      return Money.parse(amount.strip(), currency);
    } catch (NumberFormatException | ArithmeticException e) {
      throw PanelException.badRequest("amounts are decimals with at most two places, e.g. 12.50");
    }
  }

  private static User.Role role(String s) {
    try {
      return User.Role.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw PanelException.badRequest("role is one of ADMIN, REGISTRAR, AUDITOR");
    }
  }

  private static String or(String v, String fallback) {
    return v == null ? fallback : v;
  }

  /** A CSV cell (RFC 4180), with formula-looking text defused for spreadsheets (OWASP). */
  static String csv(String v) {
    if (v == null) {
      return "";
    }
    String s = v.matches("^[=+\\-@\t\r].*") ? "'" + v : v;
    return s.matches(".*[\",\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
