package org.opentld.registry.functions.jobs.rde;

import java.util.function.Function;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.opentld.registry.functions.FunctionEnvironment;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Escrow keys from AWS Secrets Manager: each secret's string is an ASCII-armored key. The
 * registry's secret keys may be protected by a passphrase held in a further secret. Secrets are
 * read once per execution environment.
 *
 * <p>Settings (secret ids or ARNs): {@code RDE_SIGNING_KEY_SECRET} (secret key),
 * {@code RDE_RECEIVER_KEY_SECRET} (secret key), {@code RDE_ESCROW_AGENT_KEY_SECRET} (public
 * key), {@code BRDA_RECEIVER_KEY_SECRET} (public key), {@code RDE_KEY_PASSPHRASE_SECRET}
 * (optional).
 */
public final class SecretsManagerRdeKeys implements RdeKeys {
  private final PGPPrivateKey signing;
  private final PGPPublicKey signingPublic;
  private final PGPPublicKey agent;
  private final PGPPublicKey brda;
  private final PGPPublicKey receiver;
  private final PGPPrivateKey receiverPrivate;

  /** Reads the keys through {@code secrets} (secret id to its string). */
  public SecretsManagerRdeKeys(FunctionEnvironment env, Function<String, String> secrets) {
    String passId = env.get("RDE_KEY_PASSPHRASE_SECRET", null);
    char[] pass = passId == null ? new char[0] : secrets.apply(passId).toCharArray();
    var signingSecret =
        PgpKeys.secretKey(secrets.apply(env.get("RDE_SIGNING_KEY_SECRET", "registry/rde/signing")));
    signing = PgpKeys.privateKey(signingSecret, pass);
    signingPublic = signingSecret.getPublicKey();
    var receiverSecret =
        PgpKeys.secretKey(
            secrets.apply(env.get("RDE_RECEIVER_KEY_SECRET", "registry/rde/receiver")));
    receiverPrivate = PgpKeys.privateKey(receiverSecret, pass);
    receiver = receiverSecret.getPublicKey();
    agent =
        PgpKeys.publicKey(
            secrets.apply(env.get("RDE_ESCROW_AGENT_KEY_SECRET", "registry/rde/escrow-agent")));
    brda = PgpKeys.publicKey(
        secrets.apply(env.get("BRDA_RECEIVER_KEY_SECRET", "registry/rde/icann-brda")));
  }

  /** Keys read with the SDK's Secrets Manager client (URL-connection HTTP, default settings). */
  public static SecretsManagerRdeKeys fromAws(FunctionEnvironment env) {
    try (SecretsManagerClient sm =
        SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
      return new SecretsManagerRdeKeys(
          env, id -> sm.getSecretValue(r -> r.secretId(id)).secretString());
    }
  }

  @Override public PGPPrivateKey signingKey() { return signing; }
  @Override public PGPPublicKey signingPublicKey() { return signingPublic; }
  @Override public PGPPublicKey escrowAgentKey() { return agent; }
  @Override public PGPPublicKey brdaReceiverKey() { return brda; }
  @Override public PGPPublicKey receiverKey() { return receiver; }
  @Override public PGPPrivateKey receiverPrivateKey() { return receiverPrivate; }
}
