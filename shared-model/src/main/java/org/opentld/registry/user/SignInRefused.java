package org.opentld.registry.user;

import java.time.Instant;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;

/**
 * A refused panel sign-in (EPP 2200, authentication error), with the reason a front end may
 * show: wrong credentials (never which of username, password or code), a TOTP code needed, or a
 * locked account and until when.
 */
public final class SignInRefused extends RegistryException {
  /** Why the sign-in was refused. */
  public enum Reason {
    INVALID_CREDENTIALS,
    TOTP_REQUIRED,
    LOCKED
  }

  private final Reason reason;
  private final Instant lockedUntil;

  public SignInRefused(Reason reason, String message, Instant lockedUntil) {
    super(ResultCode.AUTHENTICATION_ERROR, message);
    this.reason = reason;
    this.lockedUntil = lockedUntil;
  }

  public Reason reason() {
    return reason;
  }

  /** Until when the account is locked (reason LOCKED), else null. */
  public Instant lockedUntil() {
    return lockedUntil;
  }
}
