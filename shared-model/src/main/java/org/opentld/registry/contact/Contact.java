package org.opentld.registry.contact;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.PendingTransfer;

/**
 * A contact object (RFC 5733 §2). Immutable; see {@link Builder}.
 *
 * @param id the client-chosen identifier, unique in the registry (3–16 chars)
 * @param linkCount how many domains refer to it (kept by the store in its own item)
 */
public record Contact(
    String id,
    String roid,
    String registrarId,
    String createdBy,
    String updatedBy,
    List<PostalInfo> postalInfo,
    String voice,
    String voiceExt,
    String fax,
    String faxExt,
    String email,
    String authInfoHash,
    Disclose disclose,
    Set<StatusValue> statuses,
    Instant createdAt,
    Instant updatedAt,
    Instant transferredAt,
    PendingTransfer transfer,
    long linkCount,
    long version) {

  public Contact {
    postalInfo = postalInfo == null ? List.of() : List.copyOf(postalInfo);
    statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
  }

  public boolean transferPending() {
    return transfer != null && transfer.pending();
  }

  /** True while a domain refers to this object (RFC 5731 §2.3 'linked'). */
  public boolean linked() {
    return linkCount > 0;
  }

  public boolean hasStatus(StatusValue s) {
    return statuses.contains(s);
  }

  /** Statuses as EPP shows them: stored ones plus linked, pendingTransfer, or ok. */
  public Set<StatusValue> effectiveStatuses() {
    EnumSet<StatusValue> out = EnumSet.noneOf(StatusValue.class);
    out.addAll(statuses);
    if (linked()) {
      out.add(StatusValue.LINKED);
    }
    if (transferPending()) {
      out.add(StatusValue.PENDING_TRANSFER);
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

  /** Builds the next state of a contact. */
  public static final class Builder {
    private String id;
    private String roid;
    private String registrarId;
    private String createdBy;
    private String updatedBy;
    private List<PostalInfo> postalInfo = List.of();
    private String voice;
    private String voiceExt;
    private String fax;
    private String faxExt;
    private String email;
    private String authInfoHash;
    private Disclose disclose;
    private Set<StatusValue> statuses = Set.of();
    private Instant createdAt;
    private Instant updatedAt;
    private Instant transferredAt;
    private PendingTransfer transfer;
    private long linkCount;
    private long version;

    private Builder() {}

    private Builder(Contact c) {
      id = c.id;
      roid = c.roid;
      registrarId = c.registrarId;
      createdBy = c.createdBy;
      updatedBy = c.updatedBy;
      postalInfo = c.postalInfo;
      voice = c.voice;
      voiceExt = c.voiceExt;
      fax = c.fax;
      faxExt = c.faxExt;
      email = c.email;
      authInfoHash = c.authInfoHash;
      disclose = c.disclose;
      statuses = c.statuses;
      createdAt = c.createdAt;
      updatedAt = c.updatedAt;
      transferredAt = c.transferredAt;
      transfer = c.transfer;
      linkCount = c.linkCount;
      version = c.version;
    }

    public Builder id(String v) { id = v; return this; }
    public Builder roid(String v) { roid = v; return this; }
    public Builder registrarId(String v) { registrarId = v; return this; }
    public Builder createdBy(String v) { createdBy = v; return this; }
    public Builder updatedBy(String v) { updatedBy = v; return this; }
    public Builder postalInfo(List<PostalInfo> v) { postalInfo = v; return this; }
    public Builder voice(String v) { voice = v; return this; }
    public Builder voiceExt(String v) { voiceExt = v; return this; }
    public Builder fax(String v) { fax = v; return this; }
    public Builder faxExt(String v) { faxExt = v; return this; }
    public Builder email(String v) { email = v; return this; }
    public Builder authInfoHash(String v) { authInfoHash = v; return this; }
    public Builder disclose(Disclose v) { disclose = v; return this; }
    public Builder statuses(Set<StatusValue> v) { statuses = v; return this; }
    public Builder createdAt(Instant v) { createdAt = v; return this; }
    public Builder updatedAt(Instant v) { updatedAt = v; return this; }
    public Builder transferredAt(Instant v) { transferredAt = v; return this; }
    public Builder transfer(PendingTransfer v) { transfer = v; return this; }
    public Builder linkCount(long v) { linkCount = v; return this; }
    public Builder version(long v) { version = v; return this; }

    public Contact build() {
      return new Contact(
          id, roid, registrarId, createdBy, updatedBy, postalInfo, voice, voiceExt, fax, faxExt,
          email, authInfoHash, disclose, statuses, createdAt, updatedAt, transferredAt,
          transfer, linkCount, version);
    }
  }
}
