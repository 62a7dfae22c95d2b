package org.opentld.registry.functions.jobs.rde;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * The RyDE container of ICANN's escrow specification, streamed both ways: the deposit XML in a
 * tar archive, compressed (ZIP, RFC 4880 §9.3), encrypted to each recipient's public key
 * (AES-256 with an integrity packet), and a detached signature of the resulting {@code .ryde}
 * bytes in the {@code .sig} file. Buffers are fixed (64 KiB), whatever the deposit's size.
 */
public final class Ryde {
  private static final int BUFFER = 64 * 1024;

  private Ryde() {}

  /** Thrown when a deposit cannot be opened or its signature or integrity check fails. */
  public static final class Rejected extends Exception {
    public Rejected(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Encrypts and signs a deposit.
   *
   * @param ryde where the {@code .ryde} bytes go
   * @param sig where the detached signature of those bytes goes
   * @param xmlName the file name inside the tar archive ({@code <base>.xml})
   * @param xmlSize the exact length of {@code xml} (the tar header needs it first)
   */
  public static void write(
      OutputStream ryde,
      OutputStream sig,
      String xmlName,
      long xmlSize,
      InputStream xml,
      Instant modified,
      List<PGPPublicKey> recipients,
      PGPPrivateKey signer)
      throws IOException {
    try {
      PGPSignatureGenerator signature =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(
                  signer.getPublicKeyPacket().getAlgorithm(), HashAlgorithmTags.SHA256));
      signature.init(PGPSignature.BINARY_DOCUMENT, signer);
      OutputStream signed =
          new FilterOutputStream(ryde) {
            @Override
            public void write(int b) throws IOException {
              signature.update((byte) b);
              out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              signature.update(b, off, len);
              out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
              flush();
            }
          };
      PGPEncryptedDataGenerator encryption =
          new PGPEncryptedDataGenerator(
              new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                  .setWithIntegrityPacket(true)
                  .setSecureRandom(new SecureRandom()));
      for (PGPPublicKey k : recipients) {
        encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(k));
      }
      try (OutputStream encrypted = encryption.open(signed, new byte[BUFFER])) {
        PGPCompressedDataGenerator compression =
            new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP);
        try (OutputStream compressed = compression.open(encrypted, new byte[BUFFER])) {
          PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
          String tarName = xmlName.replaceAll("\\.xml$", "") + ".tar";
          try (OutputStream plain =
              literal.open(
                  compressed, PGPLiteralData.BINARY, tarName, Date.from(modified),
                  new byte[BUFFER])) {
            Tar.write(plain, xmlName, xmlSize, modified, xml);
          }
        }
      }
      signed.flush();
      signature.generate().encode(sig);
    } catch (PGPException e) {
      throw new IOException("cannot encrypt or sign the deposit", e);
    }
  }

  /**
   * Checks the signature of a {@code .ryde} file and decrypts it, copying the XML inside to
   * {@code xmlOut}. The signature covers the whole file and is checked once the last byte has
   * been read; the XML is only to be trusted if this returns normally.
   *
   * @return the name of the XML file inside the archive
   */
  public static String read(
      InputStream ryde,
      InputStream sig,
      PGPPublicKey signerKey,
      PGPPrivateKey receiver,
      OutputStream xmlOut)
      throws IOException, Rejected {
    PGPSignature signature = signature(sig, signerKey);
    InputStream counted =
        new FilterInputStream(ryde) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              signature.update((byte) b);
            }
            return b;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
              signature.update(b, off, n);
            }
            return n;
          }
        };
    String name;
    try {
      BcPGPObjectFactory outer = new BcPGPObjectFactory(counted);
      Object first = outer.nextObject();
      if (!(first instanceof PGPEncryptedDataList list)) {
        throw new Rejected("not an OpenPGP encrypted message", null);
      }
      PGPPublicKeyEncryptedData mine = null;
      for (PGPEncryptedData d : list) {
        if (d instanceof PGPPublicKeyEncryptedData pk && pk.getKeyID() == receiver.getKeyID()) {
          mine = pk;
        }
      }
      if (mine == null) {
        throw new Rejected("the deposit is not encrypted to the receiver key", null);
      }
      InputStream clear = mine.getDataStream(new BcPublicKeyDataDecryptorFactory(receiver));
      Object inner = new BcPGPObjectFactory(clear).nextObject();
      if (inner instanceof PGPCompressedData c) {
        inner = new BcPGPObjectFactory(c.getDataStream()).nextObject();
      }
      if (!(inner instanceof PGPLiteralData literal)) {
        throw new Rejected("no literal data in the deposit", null);
      }
      InputStream tar = literal.getInputStream();
      Tar.Entry entry = Tar.readFirst(tar);
      name = entry.name();
      entry.data().transferTo(xmlOut);
      tar.transferTo(OutputStream.nullOutputStream());
      clear.transferTo(OutputStream.nullOutputStream());
      if (!mine.isIntegrityProtected() || !mine.verify()) {
        throw new Rejected("integrity check failed: the deposit was altered", null);
      }
      counted.transferTo(OutputStream.nullOutputStream());
    } catch (PGPException e) {
      throw new Rejected("cannot decrypt the deposit: " + e.getMessage(), e);
    } catch (IOException e) {
      // A damaged packet stream surfaces as an IOException from the decoder.
      throw new Rejected("cannot read the deposit: " + e.getMessage(), e);
    }
    try {
      if (!signature.verify()) {
        throw new Rejected("signature check failed: the .sig does not match the .ryde", null);
      }
    } catch (PGPException e) {
      throw new Rejected("cannot check the signature: " + e.getMessage(), e);
    }
    return name;
  }

  private static PGPSignature signature(InputStream sig, PGPPublicKey key)
      throws IOException, Rejected {
    try {
      Object o = new BcPGPObjectFactory(PGPUtil.getDecoderStream(sig)).nextObject();
      if (!(o instanceof PGPSignatureList list) || list.isEmpty()) {
        throw new Rejected("the .sig file holds no OpenPGP signature", null);
      }
      PGPSignature s = list.get(0);
      if (s.getKeyID() != key.getKeyID()) {
        throw new Rejected("the deposit was signed by another key", null);
      }
      s.init(new BcPGPContentVerifierBuilderProvider(), key);
      return s;
    } catch (PGPException e) {
      throw new Rejected("cannot read the signature: " + e.getMessage(), e);
    }
  }
}
