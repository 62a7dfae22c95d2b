package org.opentld.registry.functions.jobs.rde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * Escrow keys kept as armored files in a folder, for the local stack and tests. Missing keys
 * are generated on first use: the registry's signing and receiver keys, and stand-ins for the
 * escrow agent's and ICANN's keys (whose private halves are kept beside them so that a local
 * deposit can be opened as the agent would). In AWS the keys come from Secrets Manager
 * ({@link SecretsManagerRdeKeys}).
 *
 * <p>Files: {@code registry-signing.{sec,pub}.asc}, {@code registry-receiver.{sec,pub}.asc},
 * {@code escrow-agent.pub.asc}, {@code icann-brda.pub.asc} (and their {@code .sec.asc} when
 * generated here). A real agent's public key is dropped in as {@code escrow-agent.pub.asc}.
 */
public final class KeyFolderRdeKeys implements RdeKeys {
  private final PGPPrivateKey signing;
  private final PGPPublicKey signingPublic;
  private final PGPPublicKey agent;
  private final PGPPublicKey brda;
  private final PGPPublicKey receiver;
  private final PGPPrivateKey receiverPrivate;

  private KeyFolderRdeKeys(Path dir, int bits) {
    signing = PgpKeys.privateKey(PgpKeys.secretKey(secret(dir, "registry-signing", bits)),
        new char[0]);
    signingPublic = PgpKeys.publicKey(read(dir.resolve("registry-signing.pub.asc")));
    receiverPrivate = PgpKeys.privateKey(PgpKeys.secretKey(secret(dir, "registry-receiver", bits)),
        new char[0]);
    receiver = PgpKeys.publicKey(read(dir.resolve("registry-receiver.pub.asc")));
    agent = PgpKeys.publicKey(publicOf(dir, "escrow-agent", bits));
    brda = PgpKeys.publicKey(publicOf(dir, "icann-brda", bits));
  }

  /** Opens the folder, creating it and any missing key (RSA of {@code bits}). */
  public static KeyFolderRdeKeys open(Path dir, int bits) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KeyFolderRdeKeys(dir, bits);
  }

  /** The armored secret key {@code name}, generating the pair if it is missing. */
  private static String secret(Path dir, String name, int bits) {
    Path sec = dir.resolve(name + ".sec.asc");
    if (!Files.exists(sec)) {
      generate(dir, name, bits);
    }
    return read(sec);
  }

  private static String publicOf(Path dir, String name, int bits) {
    Path pub = dir.resolve(name + ".pub.asc");
    if (!Files.exists(pub)) {
      generate(dir, name, bits);
    }
    return read(pub);
  }

  private static void generate(Path dir, String name, int bits) {
    PgpKeys.Generated g = PgpKeys.generate(name + " (local stack)", bits, Instant.now());
    write(dir.resolve(name + ".sec.asc"), g.secretArmored(), true);
    write(dir.resolve(name + ".pub.asc"), g.publicArmored(), false);
  }

  private static void write(Path file, String text, boolean secret) {
    try {
      Files.writeString(file, text, StandardCharsets.US_ASCII);
      if (secret) {
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // a non-POSIX file system keeps its default permissions
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override public PGPPrivateKey signingKey() { return signing; }
  @Override public PGPPublicKey signingPublicKey() { return signingPublic; }
  @Override public PGPPublicKey escrowAgentKey() { return agent; }
  @Override public PGPPublicKey brdaReceiverKey() { return brda; }
  @Override public PGPPublicKey receiverKey() { return receiver; }
  @Override public PGPPrivateKey receiverPrivateKey() { return receiverPrivate; }
}
