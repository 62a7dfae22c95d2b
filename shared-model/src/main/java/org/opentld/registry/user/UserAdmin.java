package org.opentld.registry.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.registrar.PasswordHasher;
import org.opentld.registry.store.ItemCodec;
import org.opentld.registry.store.Tx;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Panel users: created by an admin, passwords kept as bcrypt hashes, an optional TOTP second
 * factor (RFC 6238), and a lock after repeated failed sign-ins. Every change is a versioned
 * put of the user item ({@code #version} condition, retried on a lost race) with a history
 * record without hashes or secrets; sign-in counters are written the same way but without
 * history, since they change on every attempt.
 *
 * <p>Errors: 2005 bad username; 2306 short password; 2004 registrar given for a non-registrar
 * role; 2303 unknown user or registrar; 2302 username taken; 2304 TOTP already enabled; 2202
 * wrong TOTP code at enrolment.
 */
public final class UserAdmin {
  private final RegistryContext ctx;

  public UserAdmin(RegistryContext ctx) {
    this.ctx = ctx;
  }

  static String pk(String username) {
    return "USER#" + username;
  }

  /** Creates a user; 2302 if the name is taken; registrar users must name an existing registrar. */
  public User create(
      Caller caller, String username, String password, User.Role role, String registrarId) {
    if (username == null || !username.matches("[a-z0-9][a-z0-9._@-]{2,63}")) {
      throw new RegistryException.ValueSyntax("username must be 3-64 lower-case characters");
    }
    if (password == null || password.length() < 10) {
      throw new RegistryException.PolicyError("password must have at least 10 characters");
    }
    if (role == User.Role.REGISTRAR) {
      ctx.registrar(registrarId);
    } else if (registrarId != null) {
      throw new RegistryException.ValueRange("only registrar users belong to a registrar");
    }
    User u =
        new User(
            username, PasswordHasher.hashPassword(password), role, registrarId, null, false,
            ctx.now(), 1);
    var item = item(u);
    Tx tx = ctx.store().tx();
    tx.putNew(item, () -> new RegistryException.ObjectExists("user " + username + " exists"));
    ctx.history(
        tx, caller, "user", username, "USER-" + username, "create", null,
        new User(username, null, role, registrarId, null, false, u.createdAt(), 1));
    tx.execute();
    return u;
  }

  public Optional<User> find(String username) {
    return ctx.store().get(pk(username), "#META").map(i -> ItemCodec.fromItem(i, User.class));
  }

  /** Failed sign-ins that lock an account. */
  public static final int MAX_FAILED_LOGINS = 5;

  /** How long a locked account stays locked. */
  public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

  /** The user, or 2303. */
  public User user(String username) {
    return find(username)
        .orElseThrow(() -> new RegistryException.ObjectDoesNotExist("user " + username + " does not exist"));
  }

  /** Every user, by username. */
  public List<User> list() {
    return ctx.store().queryIndex("gsi1", "USERS", null, null, 10_000, null).items().stream()
        .map(i -> ItemCodec.fromItem(i, User.class))
        .toList();
  }

  /** The users of one registrar. */
  public List<User> listForRegistrar(String registrarId) {
    return list().stream().filter(u -> registrarId.equals(u.registrarId())).toList();
  }

  /** True if {@code password} is the user's; a missing user still costs one bcrypt check. */
  public static boolean verifyPassword(User user, String password) {
    if (user == null) {
      PasswordHasher.verify(password == null ? "" : password, DUMMY_HASH);
      return false;
    }
    return PasswordHasher.verify(password, user.passwordHash());
  }

  // A hash of nothing anyone knows, so that unknown usernames take as long as known ones.
  private static final String DUMMY_HASH = PasswordHasher.hashPassword("no-such-user-" + System.nanoTime());

  /** Changes the role (and registrar, required for and only for REGISTRAR users). */
  public User changeRole(Caller caller, String username, User.Role role, String registrarId) {
    if (role == User.Role.REGISTRAR) {
      ctx.registrar(registrarId);
    } else if (registrarId != null) {
      throw new RegistryException.ValueRange("only registrar users belong to a registrar");
    }
    return change(caller, username, "role", b -> {
      b.role = role;
      b.registrarId = registrarId;
      return b;
    });
  }

  /** Disables or re-enables sign-in. */
  public User setDisabled(Caller caller, String username, boolean disabled) {
    return change(caller, username, disabled ? "disable" : "enable", b -> {
      b.disabled = disabled;
      return b;
    });
  }

  /** Sets a new password (at least 10 characters). */
  public User setPassword(Caller caller, String username, String password) {
    if (password == null || password.length() < 10) {
      throw new RegistryException.PolicyError("password must have at least 10 characters");
    }
    String hash = PasswordHasher.hashPassword(password);
    return change(caller, username, "password", b -> {
      b.passwordHash = hash;
      return b;
    });
  }

  /**
   * Starts TOTP enrolment: a new pending secret, replacing any earlier pending one; 2304 if a
   * second factor is already enabled (an admin resets it first).
   *
   * @return the pending Base32 secret
   */
  public String startTotpEnrolment(Caller caller, String username) {
    String secret = Totp.newSecret();
    change(caller, username, "totp-start", b -> {
      if (b.totpSecret != null) {
        throw new RegistryException.StatusProhibits("TOTP is already enabled for " + username);
      }
      b.pendingTotpSecret = secret;
      return b;
    });
    return secret;
  }

  /** Confirms enrolment with a code from the pending secret (2202 if wrong, 2304 if none). */
  public User confirmTotp(Caller caller, String username, String code) {
    Instant now = ctx.now();
    return change(caller, username, "totp-enable", b -> {
      if (b.pendingTotpSecret == null) {
        throw new RegistryException.StatusProhibits("no TOTP enrolment is pending; start one");
      }
      var step = Totp.verify(b.pendingTotpSecret, code, now, b.lastTotpStep);
      if (step.isEmpty()) {
        throw new RegistryException.InvalidAuthInfo("the code does not match the new secret");
      }
      b.totpSecret = b.pendingTotpSecret;
      b.pendingTotpSecret = null;
      b.lastTotpStep = step.getAsLong();
      return b;
    });
  }

  /** Removes the second factor (an admin's 2FA reset); the user must enrol again. */
  public User resetTotp(Caller caller, String username) {
    return change(caller, username, "totp-reset", b -> {
      b.totpSecret = null;
      b.pendingTotpSecret = null;
      return b;
    });
  }

  /** Lifts a lock and clears the failure count. */
  public User unlock(Caller caller, String username) {
    return change(caller, username, "unlock", b -> {
      b.failedLogins = 0;
      b.lockedUntil = null;
      return b;
    });
  }

  /**
   * Counts a failed sign-in; the {@value #MAX_FAILED_LOGINS}th in a row locks the account for
   * {@link #LOCK_DURATION}. Written with the version condition, so concurrent failures all count.
   */
  public User recordFailedLogin(String username) {
    Instant now = ctx.now();
    return ctx.withRetries(() -> {
      User current = user(username);
      User.Builder b = current.toBuilder();
      b.failedLogins = current.failedLogins() + 1;
      if (b.failedLogins >= MAX_FAILED_LOGINS) {
        b.failedLogins = 0;
        b.lockedUntil = now.plus(LOCK_DURATION);
      }
      b.version = current.version() + 1;
      User next = b.build();
      Tx tx = ctx.store().tx();
      ctx.putVersioned(tx, item(next), current.version(), null);
      if (next.lockedUntil() != null && !next.lockedUntil().equals(current.lockedUntil())) {
        ctx.history(tx, Caller.system("panel-sign-in", null), "user", username,
            "USER-" + username, "lock", current.redacted(), next.redacted());
      }
      tx.execute();
      return next;
    });
  }

  /**
   * Records a successful sign-in: clears failures and remembers the TOTP step used, under the
   * condition that the step is still newer than the last one, so a code cannot sign in twice.
   */
  public User recordLogin(String username, long totpStep) {
    Instant now = ctx.now();
    return ctx.withRetries(() -> {
      User current = user(username);
      if (totpStep > 0 && totpStep <= current.lastTotpStep()) {
        throw new RegistryException.AuthenticationFailed("this code was already used");
      }
      User.Builder b = current.toBuilder();
      b.failedLogins = 0;
      b.lockedUntil = null;
      b.lastLoginAt = now;
      if (totpStep > 0) {
        b.lastTotpStep = totpStep;
      }
      b.version = current.version() + 1;
      User next = b.build();
      Tx tx = ctx.store().tx();
      ctx.putVersioned(tx, item(next), current.version(), null);
      tx.execute();
      return next;
    });
  }

  private User change(Caller caller, String username, String action, UnaryOperator<User.Builder> f) {
    return ctx.withRetries(() -> {
      User current = user(username);
      User.Builder b = f.apply(current.toBuilder());
      b.version = current.version() + 1;
      User next = b.build();
      Tx tx = ctx.store().tx();
      ctx.putVersioned(tx, item(next), current.version(), null);
      ctx.history(tx, caller, "user", username, "USER-" + username, action,
          current.redacted(), next.redacted());
      tx.execute();
      return next;
    });
  }

  /** The user's item: the record plus keys, type and the all-users index entry. */
  static Map<String, AttributeValue> item(User u) {
    var item = ItemCodec.toItem(u);
    item.put("pk", AttributeValue.fromS(pk(u.username())));
    item.put("sk", AttributeValue.fromS("#META"));
    item.put("type", AttributeValue.fromS("user"));
    item.put("gsi1pk", AttributeValue.fromS("USERS"));
    item.put("gsi1sk", AttributeValue.fromS(u.username()));
    return item;
  }
}
