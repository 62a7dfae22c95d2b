package org.opentld.registry.tld;

/** Operations that are charged to a registrar, each priced per TLD. */
public enum BillingOperation {
  CREATE,
  RENEW,
  TRANSFER,
  RESTORE
}
