package org.opentld.registry.user;

import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.error.RegistryException;

/**
 * Panel sign-in: password (bcrypt) and, once enrolled, a TOTP code (RFC 6238), with a lock after
 * {@value UserAdmin#MAX_FAILED_LOGINS} failures in a row (OWASP ASVS 2.2.1). A locked account
 * is refused before the password is even checked, so guessing during the lock costs nothing but
 * learns nothing. A right password without a code answers {@code TOTP_REQUIRED} and is not a
 * failure; a wrong code is.
 *
 * <p>Errors: {@link SignInRefused} (2200) with its reason.
 */
public final class PanelSignIn {
  private final RegistryContext ctx;
  private final UserAdmin users;
  private final PanelSessions sessions;

  public PanelSignIn(RegistryContext ctx, PanelSessions sessions) {
    this.ctx = ctx;
    this.users = new UserAdmin(ctx);
    this.sessions = sessions;
  }

  /** A signed-in user and the new session. */
  public record Result(User user, PanelSessions.Created session) {}

  public Result signIn(String username, String password, String totpCode) {
    if (username == null || password == null) {
      throw invalid();
    }
    String name = username.strip().toLowerCase(java.util.Locale.ROOT);
    Optional<User> found = name.length() > 64 ? Optional.empty() : users.find(name);
    if (found.isPresent() && found.get().lockedAt(ctx.now())) {
      throw locked(found.get());
    }
    if (!UserAdmin.verifyPassword(found.orElse(null), password)) {
      found.ifPresent(u -> {
        User after = users.recordFailedLogin(u.username());
        if (after.lockedAt(ctx.now())) {
          throw locked(after);
        }
      });
      throw invalid();
    }
    User u = found.get();
    if (u.disabled()) {
      // Said only to someone who knows the password.
      throw new SignInRefused(SignInRefused.Reason.INVALID_CREDENTIALS, "this account is disabled", null);
    }
    long step = 0;
    if (u.totpEnabled()) {
      if (totpCode == null || totpCode.isBlank()) {
        throw new SignInRefused(
            SignInRefused.Reason.TOTP_REQUIRED, "enter the code from your authenticator app", null);
      }
      var ok = Totp.verify(u.totpSecret(), totpCode, ctx.now(), u.lastTotpStep());
      if (ok.isEmpty()) {
        User after = users.recordFailedLogin(u.username());
        throw after.lockedAt(ctx.now()) ? locked(after) : invalid();
      }
      step = ok.getAsLong();
    }
    User signedIn;
    try {
      signedIn = users.recordLogin(u.username(), step);
    } catch (RegistryException.AuthenticationFailed replay) {
      throw invalid();
    }
    return new Result(signedIn, sessions.create(signedIn.username(), step > 0));
  }

  private static SignInRefused invalid() {
    return new SignInRefused(
        SignInRefused.Reason.INVALID_CREDENTIALS, "wrong username, password or code", null);
  }

  private static SignInRefused locked(User u) {
    return new SignInRefused(
        SignInRefused.Reason.LOCKED,
        "too many failed sign-ins; try again after " + u.lockedUntil(),
        u.lockedUntil());
  }
}
