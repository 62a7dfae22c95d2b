package org.opentld.registry.epp;

import java.util.Set;

/**
 * The state of one EPP connection (RFC 5730 §2.9.1.1): who the TLS client is (certificate
 * fingerprint, source address), whether it has logged in and for which object and extension
 * services, and how many logins have failed. A connection's commands run one at a time, in
 * order, so the state needs no locking; the fields are volatile because successive commands
 * may run on different worker threads.
 */
public final class EppSession {
  private final String certFingerprint;
  private final String sourceIp;
  private volatile String clientId;
  private volatile Set<String> objUris = Set.of();
  private volatile Set<String> extUris = Set.of();
  private volatile int loginFailures;

  public EppSession(String certFingerprint, String sourceIp) {
    this.certFingerprint = certFingerprint;
    this.sourceIp = sourceIp;
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

  /** Counts a failed login and returns the count so far. */
  public int failLogin() {
    return ++loginFailures;
  }
}
