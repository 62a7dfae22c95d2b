package org.opentld.registry.functions.jobs.rde;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * OpenPGP keys for escrow as ASCII-armored text (the form they take in a key folder or a
 * Secrets Manager secret): reading public and secret keys, and generating an RSA key pair for
 * the local stack and tests. BouncyCastle's lightweight API, so no JCA provider is registered.
 */
public final class PgpKeys {
  private PgpKeys() {}

  /** An armored secret key ring and its public key ring. */
  public record Generated(String secretArmored, String publicArmored) {}

  /** A new RSA key (sign and encrypt) for {@code userId}, unprotected by a passphrase. */
  public static Generated generate(String userId, int bits, Instant created) {
    try {
      RSAKeyPairGenerator g = new RSAKeyPairGenerator();
      g.init(new RSAKeyGenerationParameters(
          BigInteger.valueOf(0x10001), new SecureRandom(), bits, 80));
      BcPGPKeyPair pair =
          new BcPGPKeyPair(
              PublicKeyAlgorithmTags.RSA_GENERAL, g.generateKeyPair(), Date.from(created));
      PGPSignatureSubpacketGenerator flags = new PGPSignatureSubpacketGenerator();
      flags.setKeyFlags(
          false,
          KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA | KeyFlags.ENCRYPT_COMMS
              | KeyFlags.ENCRYPT_STORAGE);
      PGPKeyRingGenerator rings =
          new PGPKeyRingGenerator(
              PGPSignature.POSITIVE_CERTIFICATION,
              pair,
              userId,
              new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
              flags.generate(),
              null,
              new BcPGPContentSignerBuilder(
                  PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
              null);
      return new Generated(
          armor(rings.generateSecretKeyRing().getEncoded()),
          armor(rings.generatePublicKeyRing().getEncoded()));
    } catch (PGPException | IOException e) {
      throw new IllegalStateException("cannot generate an OpenPGP key", e);
    }
  }

  /** The first key of an armored public key ring that can encrypt (or verify, if none can). */
  public static PGPPublicKey publicKey(String armored) {
    try {
      PGPPublicKeyRingCollection rings =
          new PGPPublicKeyRingCollection(
              PGPUtil.getDecoderStream(bytes(armored)), new BcKeyFingerprintCalculator());
      for (PGPPublicKeyRing ring : rings) {
        for (PGPPublicKey k : ring) {
          if (k.isEncryptionKey()) {
            return k;
          }
        }
        return ring.getPublicKey();
      }
      throw new IllegalArgumentException("no public key in the text");
    } catch (PGPException | IOException e) {
      throw new IllegalArgumentException("not an OpenPGP public key: " + e.getMessage(), e);
    }
  }

  /** The master secret key of an armored secret key ring. */
  public static PGPSecretKey secretKey(String armored) {
    try {
      PGPSecretKeyRingCollection rings =
          new PGPSecretKeyRingCollection(
              PGPUtil.getDecoderStream(bytes(armored)), new BcKeyFingerprintCalculator());
      for (PGPSecretKeyRing ring : rings) {
        return ring.getSecretKey();
      }
      throw new IllegalArgumentException("no secret key in the text");
    } catch (PGPException | IOException e) {
      throw new IllegalArgumentException("not an OpenPGP secret key: " + e.getMessage(), e);
    }
  }

  /** The private key, unlocked with {@code passphrase} (empty for an unprotected key). */
  public static PGPPrivateKey privateKey(PGPSecretKey key, char[] passphrase) {
    try {
      return key.extractPrivateKey(
          new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
              .build(passphrase));
    } catch (PGPException e) {
      throw new IllegalArgumentException("cannot unlock the OpenPGP secret key", e);
    }
  }

  private static String armor(byte[] encoded) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream a = new ArmoredOutputStream(out)) {
      a.write(encoded);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  private static ByteArrayInputStream bytes(String s) {
    if (s == null) {
      throw new UncheckedIOException(new IOException("no key text"));
    }
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }
}
