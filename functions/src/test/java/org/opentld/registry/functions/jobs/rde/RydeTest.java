package org.opentld.registry.functions.jobs.rde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The RyDE container: tar, compression, encryption and a detached signature, both ways. */
class RydeTest {
  private static final Instant AT = Instant.parse("2026-03-17T00:00:00Z");

  @Test
  void success_roundTripKeepsEveryByteAndTheFileName() throws Exception {
    byte[] xml = new byte[300_000];
    new Random(7).nextBytes(xml);
    ByteArrayOutputStream ryde = new ByteArrayOutputStream();
    ByteArrayOutputStream sig = new ByteArrayOutputStream();
    KeyFolderRdeKeys k = RdeFixtures.keys();
    Ryde.write(ryde, sig, "test_2026-03-17_full_S1_R0.xml", xml.length,
        new ByteArrayInputStream(xml), AT, List.of(k.escrowAgentKey(), k.receiverKey()),
        k.signingKey());

    ByteArrayOutputStream back = new ByteArrayOutputStream();
    String name = Ryde.read(new ByteArrayInputStream(ryde.toByteArray()),
        new ByteArrayInputStream(sig.toByteArray()), k.signingPublicKey(),
        k.receiverPrivateKey(), back);

    assertThat(name).isEqualTo("test_2026-03-17_full_S1_R0.xml");
    assertThat(back.toByteArray()).isEqualTo(xml);
  }

  @Test
  void failure_signatureOfOtherBytesIsRejected() throws Exception {
    KeyFolderRdeKeys k = RdeFixtures.keys();
    byte[] a = "<a/>".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream ryde = new ByteArrayOutputStream();
    ByteArrayOutputStream sigA = new ByteArrayOutputStream();
    Ryde.write(ryde, sigA, "a.xml", a.length, new ByteArrayInputStream(a), AT,
        List.of(k.receiverKey()), k.signingKey());
    ByteArrayOutputStream other = new ByteArrayOutputStream();
    ByteArrayOutputStream sigB = new ByteArrayOutputStream();
    Ryde.write(other, sigB, "a.xml", a.length, new ByteArrayInputStream(a), AT,
        List.of(k.receiverKey()), k.signingKey());

    assertThatThrownBy(() -> Ryde.read(new ByteArrayInputStream(ryde.toByteArray()),
            new ByteArrayInputStream(sigB.toByteArray()), k.signingPublicKey(),
            k.receiverPrivateKey(), OutputStreamSink.INSTANCE))
        .isInstanceOf(Ryde.Rejected.class)
        .hasMessageContaining("signature check failed");
  }

  @Test
  void failure_depositNotEncryptedToTheReceiverIsRejected() throws Exception {
    KeyFolderRdeKeys k = RdeFixtures.keys();
    byte[] a = "<a/>".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream ryde = new ByteArrayOutputStream();
    ByteArrayOutputStream sig = new ByteArrayOutputStream();
    Ryde.write(ryde, sig, "a.xml", a.length, new ByteArrayInputStream(a), AT,
        List.of(k.escrowAgentKey()), k.signingKey());

    assertThatThrownBy(() -> Ryde.read(new ByteArrayInputStream(ryde.toByteArray()),
            new ByteArrayInputStream(sig.toByteArray()), k.signingPublicKey(),
            k.receiverPrivateKey(), OutputStreamSink.INSTANCE))
        .isInstanceOf(Ryde.Rejected.class)
        .hasMessageContaining("not encrypted to the receiver key");
  }

  @Test
  void success_tarHeaderIsUstarWithAValidChecksumAndSize() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);
    Tar.write(out, "f.xml", data.length, AT, new ByteArrayInputStream(data));
    byte[] tar = out.toByteArray();

    assertThat(tar.length).isEqualTo(512 + 512 + 1024);
    assertThat(new String(tar, 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
    assertThat(new String(tar, 124, 11, StandardCharsets.US_ASCII)).isEqualTo("00000000005");
    Tar.Entry e = Tar.readFirst(new ByteArrayInputStream(tar));
    assertThat(e.name()).isEqualTo("f.xml");
    try (InputStream in = e.data()) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
  }

  @Test
  void failure_damagedTarHeaderIsRefused() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> {
      Tar.write(out, "f.xml", data.length, AT, new ByteArrayInputStream(data));
      byte[] tar = out.toByteArray();
      tar[10] ^= 0x20;
      Tar.readFirst(new ByteArrayInputStream(tar));
    }).hasMessageContaining("not a tar archive");
  }

  /** Discards output. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}
  }
}
