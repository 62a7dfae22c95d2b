package org.opentld.registry.functions.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Delivers mail into a folder, one RFC 5322 {@code .eml} file per message (any mail client opens
 * them): the local stack's and the tests' mailbox. A file appears whole or not at all (written
 * beside, then renamed).
 */
public final class MailFolder implements Mailer {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
  private final Path dir;

  public MailFolder(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void send(MailMessage m) {
    String local = m.messageId().substring(0, m.messageId().indexOf('@'));
    String name = STAMP.format(m.date()) + "-" + local.replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".sending-", ".tmp");
      Files.write(tmp, m.toRfc5322());
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new MailException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
    }
  }

  /** The messages delivered so far, by file name (oldest first). */
  public List<Path> messages() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
