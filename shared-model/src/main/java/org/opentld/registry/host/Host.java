package org.opentld.registry.host;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opentld.registry.common.StatusValue;

/**
 * A host object (RFC 5732 §2). A host under a domain of this registry is subordinate: it
 * names its {@code superordinateDomain}, needs at least one address and is sponsored by that
 * domain's sponsor. An external host has no addresses.
 *
 * @param linkCount how many domains delegate to it (kept by the store in its own item)
 */
public record Host(
    String name,
    String roid,
    String registrarId,
    String createdBy,
    String updatedBy,
    List<String> inetV4,
    List<String> inetV6,
    String superordinateDomain,
    Set<StatusValue> statuses,
    Instant createdAt,
    Instant updatedAt,
    Instant transferredAt,
    long linkCount,
    long version) {

  public Host {
    inetV4 = inetV4 == null ? List.of() : List.copyOf(inetV4);
    inetV6 = inetV6 == null ? List.of() : List.copyOf(inetV6);
    statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
  }

  public boolean subordinate() {
    return superordinateDomain != null;
  }

  /** True while a domain refers to this object (RFC 5731 §2.3 'linked'). */
  public boolean linked() {
    return linkCount > 0;
  }

  public boolean hasStatus(StatusValue s) {
    return statuses.contains(s);
  }

  /** Statuses as EPP shows them: stored ones plus linked, or ok. */
  public Set<StatusValue> effectiveStatuses() {
    EnumSet<StatusValue> out = EnumSet.noneOf(StatusValue.class);
    out.addAll(statuses);
    if (linked()) {
      out.add(StatusValue.LINKED);
    }
    if (out.isEmpty() || out.equals(EnumSet.of(StatusValue.LINKED))) {
      out.add(StatusValue.OK);
    }
    return out;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds the next state of a host. */
  public static final class Builder {
    private String name;
    private String roid;
    private String registrarId;
    private String createdBy;
    private String updatedBy;
    private List<String> inetV4 = List.of();
    private List<String> inetV6 = List.of();
    private String superordinateDomain;
    private Set<StatusValue> statuses = Set.of();
    private Instant createdAt;
    private Instant updatedAt;
    private Instant transferredAt;
    private long linkCount;
    private long version;

    private Builder() {}

    private Builder(Host h) {
      name = h.name;
      roid = h.roid;
      registrarId = h.registrarId;
      createdBy = h.createdBy;
      updatedBy = h.updatedBy;
      inetV4 = h.inetV4;
      inetV6 = h.inetV6;
      superordinateDomain = h.superordinateDomain;
      statuses = h.statuses;
      createdAt = h.createdAt;
      updatedAt = h.updatedAt;
      transferredAt = h.transferredAt;
      linkCount = h.linkCount;
      version = h.version;
    }

    public Builder name(String v) { name = v; return this; }
    public Builder roid(String v) { roid = v; return this; }
    public Builder registrarId(String v) { registrarId = v; return this; }
    public Builder createdBy(String v) { createdBy = v; return this; }
    public Builder updatedBy(String v) { updatedBy = v; return this; }
    public Builder inetV4(List<String> v) { inetV4 = v; return this; }
    public Builder inetV6(List<String> v) { inetV6 = v; return this; }
    public Builder superordinateDomain(String v) { superordinateDomain = v; return this; }
    public Builder statuses(Set<StatusValue> v) { statuses = v; return this; }
    public Builder createdAt(Instant v) { createdAt = v; return this; }
    public Builder updatedAt(Instant v) { updatedAt = v; return this; }
    public Builder transferredAt(Instant v) { transferredAt = v; return this; }
    public Builder linkCount(long v) { linkCount = v; return this; }
    public Builder version(long v) { version = v; return this; }

    public Host build() {
      return new Host(
          name, roid, registrarId, createdBy, updatedBy, inetV4, inetV6, superordinateDomain,
          statuses, createdAt, updatedAt, transferredAt, linkCount, version);
    }
  }
}
