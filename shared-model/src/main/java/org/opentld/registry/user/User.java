package org.opentld.registry.user;

import java.time.Instant;

/**
 * A person who signs in to the panel: an admin of the registry, a registrar's user (scoped to
 * {@code registrarId}) or a read-only auditor.
 */
public record User(
    String username,
    String passwordHash,
    Role role,
    String registrarId,
    String totpSecret,
    boolean disabled,
    Instant createdAt,
    long version) {

  /** What a user may do. */
  public enum Role {
    ADMIN,
    REGISTRAR,
    AUDITOR
  }
}
