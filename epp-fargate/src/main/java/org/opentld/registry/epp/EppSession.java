package org.opentld.registry.epp;

import java.time.Instant;
import java.util.Set;

/**
 * The state of one EPP connection (RFC 5730 §2.9.1.1): who the TLS client is (certificate
 * fingerprint, source address), whether it has logged in and for which object and extension
 * services, and how many logins have failed. A connection's commands run one at a time, in
 * order, so the state needs no locking; the fields are volatile because successive commands
 * may run on different worker threads.
 *
 * <p>A logged-in session holds one of its registrar's session slots ({@link RegistrarSessions});
 * the slot is given back when the connection ends ({@link #end}), whichever of login and end
 * happens first on their different threads.
 */
public final class EppSession {
  private final String certFingerprint;
  private final String sourceIp;
  private volatile String clientId;
  private volatile Set<String> objUris = Set.of();
  private volatile Set<String> extUris = Set.of();
  private volatile int loginFailures;
  private final Instant certNotAfter;
  private volatile String userAgent;
  private Runnable slotRelease;
  private boolean ended;

  public EppSession(String certFingerprint, String sourceIp) {
    this(certFingerprint, sourceIp, null);
  }

  /** @param certNotAfter when the client certificate expires, or null if unknown */
  public EppSession(String certFingerprint, String sourceIp, Instant certNotAfter) {
    this.certFingerprint = certFingerprint;
    this.sourceIp = sourceIp;
    this.certNotAfter = certNotAfter;
  }

  /** The client certificate's notAfter, or null. */
  public Instant certNotAfter() {
    return certNotAfter;
  }

  /** The client software as it described itself at login (RFC 8807 userAgent), or null. */
  public String userAgent() {
    return userAgent;
  }

  public void userAgent(String userAgent) {
    this.userAgent = userAgent;
  }

  /**
   * Keeps the release of the registrar session slot this session took at login; runs it at
   * once if the connection has already ended.
   */
  public void holdSlot(Runnable release) {
    boolean now;
    synchronized (this) {
      now = ended;
      if (!now) {
        slotRelease = release;
      }
    }
    if (now) {
      release.run();
    }
  }

  /** Gives back the session slot early (a login that took one and then failed). */
  public void releaseSlot() {
    Runnable r;
    synchronized (this) {
      r = slotRelease;
      slotRelease = null;
    }
    if (r != null) {
      r.run();
    }
  }

  /** The connection is gone: gives back the session slot, and any later one at once. */
  public void end() {
    synchronized (this) {
      ended = true;
    }
    releaseSlot();
  }

  /** SHA-256 of the client certificate, upper-case hex; null if the client sent none. */
  public String certFingerprint() {
    return certFingerprint;
  }

  /** The client's address: from the PROXY protocol header when enabled, else the peer. */
  public String sourceIp() {
    return sourceIp;
  }

  public boolean loggedIn() {
    return clientId != null;
  }

  /** The registrar logged in on this session, or null. */
  public String clientId() {
    return clientId;
  }

  public Set<String> objUris() {
    return objUris;
  }

  public Set<String> extUris() {
    return extUris;
  }

  public void login(String clientId, Set<String> objUris, Set<String> extUris) {
    this.objUris = Set.copyOf(objUris);
    this.extUris = Set.copyOf(extUris);
    this.clientId = clientId;
  }

  /** Failed logins so far in this session. */
  public int loginFailures() {
    return loginFailures;
  }

  /** Counts a failed login and returns the count so far. */
  public int failLogin() {
    return ++loginFailures;
  }
}
