package org.opentld.registry.epp;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * X.509 helpers built on BouncyCastle: a CA, server and client certificates (EC P-256) for
 * local stacks and tests, PEM reading and writing, and the SHA-256 fingerprint registrars
 * register for their EPP client certificates.
 */
public final class Certificates {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Certificates() {}

  /** A certificate with its private key. */
  public record Issued(X509Certificate certificate, PrivateKey key) {
    /** Writes the certificate and the PKCS#8 key as PEM files. */
    public void write(Path certPem, Path keyPem) throws IOException {
      Files.writeString(certPem, pem(certificate));
      Files.writeString(keyPem, pem(key));
    }

    public String fingerprint() {
      return Certificates.fingerprint(certificate);
    }
  }

  /** A self-signed CA. */
  public static Issued ca(String commonName) {
    KeyPair kp = keyPair();
    return new Issued(build(commonName, kp, commonName, kp.getPrivate(), true, null, List.of()),
        kp.getPrivate());
  }

  /** A TLS server certificate for the given DNS names and IP literals, signed by {@code ca}. */
  public static Issued server(Issued ca, String commonName, String... names) {
    KeyPair kp = keyPair();
    return new Issued(build(commonName, kp, subject(ca), ca.key(), false,
        KeyPurposeId.id_kp_serverAuth, List.of(names)), kp.getPrivate());
  }

  /** A TLS client certificate, signed by {@code ca}. */
  public static Issued client(Issued ca, String commonName) {
    KeyPair kp = keyPair();
    return new Issued(build(commonName, kp, subject(ca), ca.key(), false,
        KeyPurposeId.id_kp_clientAuth, List.of()), kp.getPrivate());
  }

  /** A TLS client certificate valid until {@code notAfter} (tests of expiry warnings). */
  public static Issued client(Issued ca, String commonName, Instant notAfter) {
    KeyPair kp = keyPair();
    return new Issued(build(commonName, kp, subject(ca), ca.key(), false,
        KeyPurposeId.id_kp_clientAuth, List.of(), notAfter), kp.getPrivate());
  }

  /** SHA-256 of the DER certificate, upper-case hex without separators. */
  public static String fingerprint(X509Certificate cert) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      return HexFormat.of().withUpperCase().formatHex(d);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every certificate in a PEM file, in order. */
  public static List<X509Certificate> readCertificates(Path pem) throws IOException {
    List<X509Certificate> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(pem); PEMParser p = new PEMParser(r)) {
      for (Object o = p.readObject(); o != null; o = p.readObject()) {
        if (o instanceof X509CertificateHolder h) {
          out.add(new JcaX509CertificateConverter().getCertificate(h));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("bad certificate in " + pem, e);
    }
    return out;
  }

  /** The private key of a PEM file (PKCS#8 or a traditional key pair). */
  public static PrivateKey readKey(Path pem) throws IOException {
    try (Reader r = Files.newBufferedReader(pem); PEMParser p = new PEMParser(r)) {
      Object o = p.readObject();
      JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair kp) {
        return conv.getPrivateKey(kp.getPrivateKeyInfo());
      }
      if (o instanceof PrivateKeyInfo info) {
        return conv.getPrivateKey(info);
      }
      throw new IOException("no private key in " + pem);
    }
  }

  static String pem(Object o) {
    try {
      StringWriter sw = new StringWriter();
      try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
        w.writeObject(o instanceof PrivateKey k ? new JcaPKCS8Generator(k, null) : o);
      }
      return sw.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(Issued ca) {
    return ca.certificate().getSubjectX500Principal().getName().replaceFirst("^CN=", "");
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate build(String cn, KeyPair kp, String issuerCn, PrivateKey issuerKey,
      boolean ca, KeyPurposeId purpose, List<String> names) {
    return build(cn, kp, issuerCn, issuerKey, ca, purpose, names,
        Instant.now().plus(Duration.ofDays(ca ? 3650 : 825)));
  }

  private static X509Certificate build(String cn, KeyPair kp, String issuerCn, PrivateKey issuerKey,
      boolean ca, KeyPurposeId purpose, List<String> names, Instant notAfter) {
    try {
      Instant now = Instant.now();
      Instant notBefore = now.minus(Duration.ofHours(1));
      var b = new JcaX509v3CertificateBuilder(
          new X500Name("CN=" + issuerCn),
          new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
          Date.from(notBefore.isBefore(notAfter) ? notBefore : notAfter.minus(Duration.ofDays(1))),
          Date.from(notAfter),
          new X500Name("CN=" + cn),
          kp.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (ca) {
        b.addExtension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      }
      if (!names.isEmpty()) {
        GeneralName[] gn = names.stream()
            .map(n -> n.matches("[0-9.]+|.*:.*")
                ? new GeneralName(GeneralName.iPAddress, n)
                : new GeneralName(GeneralName.dNSName, n))
            .toArray(GeneralName[]::new);
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(gn));
      }
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
      return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot issue certificate " + cn, e);
    }
  }
}
