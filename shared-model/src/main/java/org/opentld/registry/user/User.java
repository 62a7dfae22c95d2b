package org.opentld.registry.user;

import java.time.Instant;

/**
 * A person who signs in to the panel: an admin of the registry, a registrar's user (scoped to
 * {@code registrarId}) or a read-only auditor.
 *
 * @param totpSecret the confirmed TOTP secret (RFC 6238, Base32), or null without a second
 *     factor
 * @param failedLogins consecutive failed sign-ins since the last success or lock
 * @param lockedUntil sign-in refused until then, or null
 * @param pendingTotpSecret a secret being enrolled, not yet confirmed with a code
 * @param lastTotpStep the time step of the last accepted code, so that a code is used once
 * @param lastLoginAt the last successful sign-in, or null
 */
public record User(
    String username,
    String passwordHash,
    Role role,
    String registrarId,
    String totpSecret,
    boolean disabled,
    Instant createdAt,
    long version,
    int failedLogins,
    Instant lockedUntil,
    String pendingTotpSecret,
    long lastTotpStep,
    Instant lastLoginAt) {

  /** What a user may do. */
  public enum Role {
    ADMIN,
    REGISTRAR,
    AUDITOR
  }

  /** A user without sign-in state (no failures, lock or pending enrolment). */
  public User(
      String username,
      String passwordHash,
      Role role,
      String registrarId,
      String totpSecret,
      boolean disabled,
      Instant createdAt,
      long version) {
    this(
        username, passwordHash, role, registrarId, totpSecret, disabled, createdAt, version, 0,
        null, null, 0, null);
  }

  public boolean totpEnabled() {
    return totpSecret != null;
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** The user without password hash or TOTP secrets, for history records and answers. */
  public User redacted() {
    return new User(
        username, null, role, registrarId, totpSecret == null ? null : "(set)", disabled,
        createdAt, version, failedLogins, lockedUntil, null, 0, lastLoginAt);
  }

  Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds the next state of a user. */
  static final class Builder {
    String username;
    String passwordHash;
    Role role;
    String registrarId;
    String totpSecret;
    boolean disabled;
    Instant createdAt;
    long version;
    int failedLogins;
    Instant lockedUntil;
    String pendingTotpSecret;
    long lastTotpStep;
    Instant lastLoginAt;

    Builder(User u) {
      username = u.username;
      passwordHash = u.passwordHash;
      role = u.role;
      registrarId = u.registrarId;
      totpSecret = u.totpSecret;
      disabled = u.disabled;
      createdAt = u.createdAt;
      version = u.version;
      failedLogins = u.failedLogins;
      lockedUntil = u.lockedUntil;
      pendingTotpSecret = u.pendingTotpSecret;
      lastTotpStep = u.lastTotpStep;
      lastLoginAt = u.lastLoginAt;
    }

    User build() {
      return new User(
          username, passwordHash, role, registrarId, totpSecret, disabled, createdAt, version,
          failedLogins, lockedUntil, pendingTotpSecret, lastTotpStep, lastLoginAt);
    }
  }
}
