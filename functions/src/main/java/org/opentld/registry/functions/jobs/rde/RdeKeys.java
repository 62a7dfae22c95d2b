package org.opentld.registry.functions.jobs.rde;

import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * The OpenPGP keys of escrow. Deposits are signed with the registry's signing key and
 * encrypted to the escrow agent (full and differential deposits) or to ICANN (BRDA), and also
 * to the registry's own receiver key, so that the registry can decrypt what it sent to verify
 * it without ever holding the agent's private key.
 */
public interface RdeKeys {
  /** The registry's signing key (the {@code .sig} files). */
  PGPPrivateKey signingKey();

  /** Its public half, to check signatures. */
  PGPPublicKey signingPublicKey();

  /** The escrow agent's public key. */
  PGPPublicKey escrowAgentKey();

  /** ICANN's public key for the bulk registration data file. */
  PGPPublicKey brdaReceiverKey();

  /** The registry's own receiver key, a second recipient of every deposit. */
  PGPPublicKey receiverKey();

  /** Its private half, for the verifier and for imports of the registry's own deposits. */
  PGPPrivateKey receiverPrivateKey();
}
