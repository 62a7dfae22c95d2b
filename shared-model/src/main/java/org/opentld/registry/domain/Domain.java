package org.opentld.registry.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.common.StatusValue;

/**
 * A registered domain (RFC 5731 §2 and RGP, RFC 3915). Immutable; operations build the next
 * state with {@link #toBuilder()} and store it with a version check.
 *
 * @param name A-label form
 * @param contacts contact ids by type (admin, tech, billing)
 * @param nameservers host names, lower-case A-labels
 * @param authInfoHash hash of the domain's authInfo (RFC 9154: never stored in clear)
 * @param authInfoExpiresAt when the authInfo stops working (RFC 9154 §4.2 time to live), or null
 * @param deletedAt when the domain entered redemption (pendingDelete), or null
 * @param redemptionEndsAt end of the redemption period (restore possible before it)
 * @param purgeAt when the name is purged and becomes available again
 * @param restoreRequestedAt when an RGP restore request was made (pendingRestore), or null
 * @param restoreReportDueBy the deadline for the restore report after a restore request
 * @param subordinateHosts names of hosts under this domain (RFC 5732 §1.1)
 */
public record Domain(
    String name,
    String roid,
    String tld,
    String registrarId,
    String createdBy,
    String updatedBy,
    String registrant,
    Map<ContactType, String> contacts,
    List<String> nameservers,
    List<DsData> dsData,
    Set<StatusValue> statuses,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    Instant transferredAt,
    String authInfoHash,
    Instant authInfoExpiresAt,
    List<GracePeriod> gracePeriods,
    PendingTransfer transfer,
    Instant deletedAt,
    Instant redemptionEndsAt,
    Instant purgeAt,
    Instant restoreRequestedAt,
    Instant restoreReportDueBy,
    List<String> subordinateHosts,
    String idnTable,
    long version) {

  /** Contact roles of RFC 5731 §2.2 other than registrant. */
  public enum ContactType {
    ADMIN("admin"),
    TECH("tech"),
    BILLING("billing");

    private final String epp;

    ContactType(String epp) {
      this.epp = epp;
    }

    public String epp() {
      return epp;
    }

    public static ContactType fromEpp(String value) {
      for (ContactType t : values()) {
        if (t.epp.equals(value)) {
          return t;
        }
      }
      throw new org.opentld.registry.error.RegistryException.ValueSyntax(
          "unknown contact type '" + value + "'");
    }
  }

  public Domain {
    contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
    nameservers = nameservers == null ? List.of() : List.copyOf(nameservers);
    dsData = dsData == null ? List.of() : List.copyOf(dsData);
    statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
    gracePeriods = gracePeriods == null ? List.of() : List.copyOf(gracePeriods);
    subordinateHosts = subordinateHosts == null ? List.of() : List.copyOf(subordinateHosts);
  }

  /** In redemption or pendingDelete: deleted by its sponsor, not yet purged. */
  public boolean isDeleted() {
    return deletedAt != null;
  }

  public boolean hasStatus(StatusValue s) {
    return statuses.contains(s);
  }

  public boolean transferPending() {
    return transfer != null && transfer.pending();
  }

  /**
   * The statuses as EPP shows them: the stored ones, {@code pendingTransfer} while a transfer
   * waits, {@code inactive} without nameservers, or {@code ok} when nothing else applies
   * (RFC 5731 §2.3).
   */
  public Set<StatusValue> effectiveStatuses() {
    EnumSet<StatusValue> out = EnumSet.noneOf(StatusValue.class);
    out.addAll(statuses);
    if (transferPending()) {
      out.add(StatusValue.PENDING_TRANSFER);
    }
    if (isDeleted()) {
      out.add(StatusValue.PENDING_DELETE);
    }
    if (nameservers.isEmpty()) {
      out.add(StatusValue.INACTIVE);
    }
    if (out.isEmpty()) {
      out.add(StatusValue.OK);
    }
    return out;
  }

  /** Grace periods still running at {@code now}. */
  public List<GracePeriod> activeGracePeriods(Instant now) {
    List<GracePeriod> out = new ArrayList<>();
    for (GracePeriod g : gracePeriods) {
      if (g.activeAt(now)) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * The RGP state (RFC 3915 §3.2) at {@code now}: redemptionPeriod, pendingRestore or
   * pendingDelete for a deleted domain, else the running grace periods (may be empty).
   */
  public List<String> rgpStatuses(Instant now) {
    List<String> out = new ArrayList<>();
    if (isDeleted()) {
      if (restoreRequestedAt != null) {
        out.add("pendingRestore");
      } else if (redemptionEndsAt != null && now.isBefore(redemptionEndsAt)) {
        out.add("redemptionPeriod");
      } else {
        out.add("pendingDelete");
      }
      return out;
    }
    for (GracePeriod g : activeGracePeriods(now)) {
      out.add(g.type().rgp());
    }
    return out;
  }

  /**
   * When the lifecycle jobs next have something to do with this domain (transfer
   * auto-approval, restore report deadline, purge), or null. Auto-renew is found by expiry.
   */
  public Instant nextActionAt() {
    Instant next = null;
    if (transferPending()) {
      next = transfer.actionBy();
    }
    if (restoreReportDueBy != null && (next == null || restoreReportDueBy.isBefore(next))) {
      next = restoreReportDueBy;
    }
    if (purgeAt != null && restoreRequestedAt == null && (next == null || purgeAt.isBefore(next))) {
      next = purgeAt;
    }
    return next;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds the next state of a domain. */
  public static final class Builder {
    private String name;
    private String roid;
    private String tld;
    private String registrarId;
    private String createdBy;
    private String updatedBy;
    private String registrant;
    private Map<ContactType, String> contacts = Map.of();
    private List<String> nameservers = List.of();
    private List<DsData> dsData = List.of();
    private Set<StatusValue> statuses = Set.of();
    private Instant createdAt;
    private Instant updatedAt;
    private Instant expiresAt;
    private Instant transferredAt;
    private String authInfoHash;
    private Instant authInfoExpiresAt;
    private List<GracePeriod> gracePeriods = List.of();
    private PendingTransfer transfer;
    private Instant deletedAt;
    private Instant redemptionEndsAt;
    private Instant purgeAt;
    private Instant restoreRequestedAt;
    private Instant restoreReportDueBy;
    private List<String> subordinateHosts = List.of();
    private String idnTable;
    private long version;

    private Builder() {}

    private Builder(Domain d) {
      name = d.name;
      roid = d.roid;
      tld = d.tld;
      registrarId = d.registrarId;
      createdBy = d.createdBy;
      updatedBy = d.updatedBy;
      registrant = d.registrant;
      contacts = d.contacts;
      nameservers = d.nameservers;
      dsData = d.dsData;
      statuses = d.statuses;
      createdAt = d.createdAt;
      updatedAt = d.updatedAt;
      expiresAt = d.expiresAt;
      transferredAt = d.transferredAt;
      authInfoHash = d.authInfoHash;
      authInfoExpiresAt = d.authInfoExpiresAt;
      gracePeriods = d.gracePeriods;
      transfer = d.transfer;
      deletedAt = d.deletedAt;
      redemptionEndsAt = d.redemptionEndsAt;
      purgeAt = d.purgeAt;
      restoreRequestedAt = d.restoreRequestedAt;
      restoreReportDueBy = d.restoreReportDueBy;
      subordinateHosts = d.subordinateHosts;
      idnTable = d.idnTable;
      version = d.version;
    }

    public Builder name(String v) { name = v; return this; }
    public Builder roid(String v) { roid = v; return this; }
    public Builder tld(String v) { tld = v; return this; }
    public Builder registrarId(String v) { registrarId = v; return this; }
    public Builder createdBy(String v) { createdBy = v; return this; }
    public Builder updatedBy(String v) { updatedBy = v; return this; }
    public Builder registrant(String v) { registrant = v; return this; }
    public Builder contacts(Map<ContactType, String> v) { contacts = v; return this; }
    public Builder nameservers(List<String> v) { nameservers = v; return this; }
    public Builder dsData(List<DsData> v) { dsData = v; return this; }
    public Builder statuses(Set<StatusValue> v) { statuses = v; return this; }
    public Builder createdAt(Instant v) { createdAt = v; return this; }
    public Builder updatedAt(Instant v) { updatedAt = v; return this; }
    public Builder expiresAt(Instant v) { expiresAt = v; return this; }
    public Builder transferredAt(Instant v) { transferredAt = v; return this; }
    public Builder authInfoHash(String v) { authInfoHash = v; return this; }
    public Builder authInfoExpiresAt(Instant v) { authInfoExpiresAt = v; return this; }
    public Builder gracePeriods(List<GracePeriod> v) { gracePeriods = v; return this; }
    public Builder transfer(PendingTransfer v) { transfer = v; return this; }
    public Builder deletedAt(Instant v) { deletedAt = v; return this; }
    public Builder redemptionEndsAt(Instant v) { redemptionEndsAt = v; return this; }
    public Builder purgeAt(Instant v) { purgeAt = v; return this; }
    public Builder restoreRequestedAt(Instant v) { restoreRequestedAt = v; return this; }
    public Builder restoreReportDueBy(Instant v) { restoreReportDueBy = v; return this; }
    public Builder subordinateHosts(List<String> v) { subordinateHosts = v; return this; }
    public Builder idnTable(String v) { idnTable = v; return this; }
    public Builder version(long v) { version = v; return this; }

    public Domain build() {
      return new Domain(
          name, roid, tld, registrarId, createdBy, updatedBy, registrant, contacts,
          nameservers, dsData, statuses, createdAt, updatedAt, expiresAt, transferredAt,
          authInfoHash, authInfoExpiresAt, gracePeriods, transfer, deletedAt, redemptionEndsAt, purgeAt,
          restoreRequestedAt, restoreReportDueBy, subordinateHosts, idnTable, version);
    }
  }
}
