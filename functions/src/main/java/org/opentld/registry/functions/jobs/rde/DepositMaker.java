package org.opentld.registry.functions.jobs.rde;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.functions.jobs.JobRun;
import org.opentld.registry.functions.jobs.s3.S3UploadStream;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.store.Store;
import org.opentld.registry.store.TypeScan;
import org.opentld.registry.tld.IdnTable;
import org.opentld.registry.tld.Tld;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Makes one deposit file and uploads it: the XML is written as a stream while a parallel scan
 * (full, thin) or the month's history index (differential) feeds it, staged gzip-compressed in
 * a temporary file (the tar header inside a RyDE file needs the XML's length first), then
 * streamed through tar, compression, encryption and signing into an S3 multipart upload.
 * Memory is a scan page per thread plus one upload part; disk is the compressed XML.
 *
 * <p>A differential deposit (RFC 8909 §5.1.2) holds every object changed since the previous
 * deposit's watermark, found in the history records by month ({@code gsi2 HM#<yyyy-MM>#<b>}):
 * every change writes a history record in its own transaction, so nothing is missed, whereas an
 * object's {@code updatedAt} is not moved by every change (transfers of hosts, link counts) and
 * a purged object has none. An object that no longer exists goes under {@code <rde:deletes>}.
 */
public final class DepositMaker {
  /** Where, how and with which keys deposits are made. */
  public record Settings(
      DepositFiles files, RdeKeys keys, int scanSegments, String idnBaseUrl, Path tmpDir) {}

  /** What was deposited. */
  public record Made(
      DepositFiles.Name name,
      String id,
      String prevId,
      Instant watermark,
      Map<String, Long> written,
      Map<String, Long> counts,
      long xmlBytes,
      long rydeBytes) {}

  private final Settings settings;

  public DepositMaker(Settings settings) {
    this.settings = settings;
  }

  /**
   * Makes and uploads a deposit.
   *
   * @param previous the deposit a differential one follows (null for full and thin)
   */
  public Made make(
      JobRun run, Tld tld, DepositMode mode, Instant watermark, int rev,
      DepositFiles.Name previous, Instant previousWatermark) throws IOException {
    Registry registry = run.registry();
    DepositFiles.Name name =
        new DepositFiles.Name(
            tld.name(), watermark.atZone(ZoneOffset.UTC).toLocalDate(), mode, 1, rev);
    String prevId = previous == null ? null : previous.depositId();
    Path staged = Files.createTempFile(settings.tmpDir(), name.base(), ".xml.gz");
    try {
      AtomicLong xmlBytes = new AtomicLong();
      Map<String, Long> written;
      Map<String, Long> counts;
      try (OutputStream gz = gzip(staged);
          OutputStream counting = counting(gz, xmlBytes);
          DepositWriter w =
              new DepositWriter(counting, mode, name.depositId(), prevId, rev, watermark)) {
        AtomicLong done = new AtomicLong();
        Store store = registry.context().store();
        if (mode == DepositMode.DIFF) {
          differential(run, w, tld, previousWatermark, watermark, done);
          counts = totals(store, tld);
        } else {
          full(run, w, tld, mode, done);
          counts = null;
        }
        written = w.written();
        w.finish(tld.name(), counts == null ? written : counts);
        counts = counts == null ? written : counts;
      }
      List<PGPPublicKey> to =
          List.of(
              mode == DepositMode.THIN
                  ? settings.keys().brdaReceiverKey()
                  : settings.keys().escrowAgentKey(),
              settings.keys().receiverKey());
      ByteArrayOutputStream sig = new ByteArrayOutputStream();
      Map<String, String> meta = Map.of("watermark", watermark.toString(), "deposit-id",
          name.depositId(), "xml-bytes", Long.toString(xmlBytes.get()));
      S3UploadStream up =
          new S3UploadStream(settings.files().s3(), settings.files().bucket(), name.ryde(),
              S3UploadStream.DEFAULT_PART, meta);
      try (InputStream xml = new GZIPInputStream(Files.newInputStream(staged), 64 * 1024)) {
        Ryde.write(up, sig, name.base() + ".xml", xmlBytes.get(), xml, watermark, to,
            settings.keys().signingKey());
        up.close();
      } catch (IOException | RuntimeException e) {
        up.abort();
        throw e;
      }
      settings.files().s3().putObject(
          r -> r.bucket(settings.files().bucket()).key(name.sig()),
          RequestBody.fromBytes(sig.toByteArray()));
      return new Made(name, name.depositId(), prevId, watermark, written, counts,
          xmlBytes.get(), up.size());
    } finally {
      Files.deleteIfExists(staged);
    }
  }

  private void full(JobRun run, DepositWriter w, Tld tld, DepositMode mode, AtomicLong done) {
    RegistryContext ctx = run.registry().context();
    TypeScan scan = new TypeScan(ctx.store(), settings.scanSegments());
    scan.forEach("registrar", Map.of(), item -> w.registrar(Items.registrar(item)));
    if (mode == DepositMode.FULL) {
      // Contacts and hosts belong to no TLD: every deposit carries all of them.
      // The status 'linked' needs the link counter: one GetItem per host and contact.
      scan.forEach("contact", Map.of(), item -> {
        w.contact(Items.contact(item, links(ctx, item)));
        progress(run, done, "contacts");
      });
      scan.forEach("host", Map.of(), item -> {
        w.host(Items.host(item, links(ctx, item)));
        progress(run, done, "hosts");
      });
    }
    scan.forEach("domain", Map.of("tld", tld.name()), item -> {
      w.domain(Items.domain(item));
      progress(run, done, "domains");
    });
    if (mode == DepositMode.FULL) {
      meta(w, tld);
    }
  }

  private static long links(RegistryContext ctx, Map<String, AttributeValue> item) {
    return ctx.store().get(item.get("pk").s(), Keys.LINKS)
        .map(l -> Items.number(l, "linkCount")).orElse(0L);
  }

  private void meta(DepositWriter w, Tld tld) {
    for (IdnTable t : tld.idnTables()) {
      String base = settings.idnBaseUrl().replace("{tld}", tld.name());
      w.idnTable(t, base + tld.name() + "_" + t.tag() + ".txt", base + "policy.html");
    }
    w.eppParams();
    String scope = "//rde:deposit/rde:contents/rdeDomain:domain";
    w.policy(scope, "rdeDomain:crDate");
    w.policy(scope, "rdeDomain:exDate");
  }

  /** Objects changed in [from, to) per the history index, then their current state. */
  private void differential(
      JobRun run, DepositWriter w, Tld tld, Instant from, Instant to, AtomicLong done) {
    RegistryContext ctx = run.registry().context();
    Set<String> changed = new HashSet<>();
    for (YearMonth m = YearMonth.from(from.atZone(ZoneOffset.UTC));
        !m.isAfter(YearMonth.from(to.atZone(ZoneOffset.UTC)));
        m = m.plusMonths(1)) {
      for (int b = 0; b < Keys.BUCKETS; b++) {
        Map<String, AttributeValue> start = null;
        do {
          Store.Page page =
              ctx.store().queryIndex(RegistryTables.GSI2, Keys.historyByMonth(m.toString(), b),
                  Keys.ts(from), Keys.ts(to), 1000, start);
          for (Map<String, AttributeValue> item : page.items()) {
            HistoryRecord h = Items.history(item);
            if (belongs(h, tld)) {
              changed.add(h.objectType() + " " + h.objectName());
            }
          }
          start = page.next();
        } while (start != null);
      }
    }
    // Deletes come first in the document: find the objects that are gone, then write the rest.
    Set<String> present = new HashSet<>();
    for (String key : changed) {
      String[] k = key.split(" ", 2);
      boolean exists =
          switch (k[0]) {
            case "domain" -> ctx.findDomain(k[1]).isPresent();
            case "host" -> ctx.findHost(k[1]).isPresent();
            case "contact" -> ctx.findContact(k[1]).isPresent();
            default -> ctx.findRegistrar(k[1]).isPresent();
          };
      if (exists) {
        present.add(key);
      } else {
        w.delete(namespace(k[0]), k[1]);
      }
    }
    for (String key : present) {
      String[] k = key.split(" ", 2);
      switch (k[0]) {
        case "domain" -> ctx.findDomain(k[1]).ifPresent(w::domain);
        case "host" -> ctx.findHost(k[1]).ifPresent(w::host);
        case "contact" -> ctx.findContact(k[1]).ifPresent(w::contact);
        default -> ctx.findRegistrar(k[1]).ifPresent(w::registrar);
      }
      progress(run, done, "changed objects");
    }
  }

  private static boolean belongs(HistoryRecord h, Tld tld) {
    return switch (h.objectType()) {
      case "domain" -> h.objectName().endsWith("." + tld.name())
          && h.objectName().indexOf('.') == h.objectName().length() - tld.name().length() - 1;
      case "host", "contact", "registrar" -> true;
      default -> false;
    };
  }

  private static String namespace(String type) {
    return switch (type) {
      case "domain" -> RdeNs.DOMAIN;
      case "host" -> RdeNs.HOST;
      case "contact" -> RdeNs.CONTACT;
      default -> RdeNs.REGISTRAR;
    };
  }

  /** The registry's totals at the watermark, for a differential deposit's header. */
  private Map<String, Long> totals(Store store, Tld tld) {
    TypeScan scan = new TypeScan(store, settings.scanSegments());
    Map<String, Long> out = new LinkedHashMap<>();
    out.put(RdeNs.CONTACT, scan.count("contact", Map.of()));
    out.put(RdeNs.HOST, scan.count("host", Map.of()));
    out.put(RdeNs.DOMAIN, scan.count("domain", Map.of("tld", tld.name())));
    out.put(RdeNs.REGISTRAR, scan.count("registrar", Map.of()));
    out.put(RdeNs.IDN, (long) tld.idnTables().size());
    return out;
  }

  private static void progress(JobRun run, AtomicLong done, String what) {
    long n = done.incrementAndGet();
    if (n % 10_000 == 0) {
      run.progress().update(n, -1, what);
    }
  }

  private static OutputStream gzip(Path file) throws IOException {
    return new BufferedOutputStream(
        new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        },
        64 * 1024);
  }

  private static OutputStream counting(OutputStream out, AtomicLong n) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        n.incrementAndGet();
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        n.addAndGet(len);
      }
    };
  }

  /** Opens a staged deposit (gzip or plain XML) for reading. */
  static InputStream open(Path file) {
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
      in.mark(2);
      int a = in.read();
      int b = in.read();
      in.reset();
      return a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
