package org.opentld.registry.functions.jobs.rde;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deposit files in the escrow bucket, named as ICANN's escrow specification asks:
 * {@code {tld}_{yyyy-MM-dd}_{full|diff|thin}_S{seq}_R{rev}.ryde} with its {@code .sig} (one
 * file per deposit, so seq is 1; rev counts resends from 0). The bucket itself is the record of
 * what was deposited: the latest {@code .ryde} is the previous deposit, its object metadata
 * holds its watermark and id, and a {@code .verified} marker says the verifier passed it.
 */
public final class DepositFiles {
  private static final DateTimeFormatter ID_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private final S3Client s3;
  private final String bucket;

  public DepositFiles(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  public S3Client s3() {
    return s3;
  }

  public String bucket() {
    return bucket;
  }

  /** One stored deposit, parsed from its key. */
  public record Name(String tld, LocalDate date, DepositMode mode, int seq, int rev) {
    private static final Pattern KEY =
        Pattern.compile("(.+)_(\\d{4}-\\d{2}-\\d{2})_(full|diff|thin)_S(\\d+)_R(\\d+)\\.ryde");

    /** The file name without extension. */
    public String base() {
      return tld + "_" + date + "_" + mode.file() + "_S" + seq + "_R" + rev;
    }

    public String ryde() {
      return base() + ".ryde";
    }

    public String sig() {
      return base() + ".sig";
    }

    public String verified() {
      return base() + ".verified";
    }

    /** The deposit id (RFC 8909: {@code \w{1,13}}): day and kind, the same for every resend. */
    public String depositId() {
      return date.format(ID_DAY) + mode.file().toUpperCase(java.util.Locale.ROOT);
    }

    static Optional<Name> parse(String key) {
      Matcher m = KEY.matcher(key);
      if (!m.matches()) {
        return Optional.empty();
      }
      return Optional.of(new Name(m.group(1), LocalDate.parse(m.group(2)),
          DepositMode.fromFile(m.group(3)), Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5))));
    }
  }

  /** Every deposit of a TLD in the bucket, oldest first (by date, then revision). */
  public List<Name> list(String tld) {
    List<Name> out = new ArrayList<>();
    String prefix = tld + "_";
    for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
      Name.parse(o.key()).filter(n -> n.tld().equals(tld)).ifPresent(out::add);
    }
    out.sort(Comparator.comparing(Name::date).thenComparing(Name::rev));
    return out;
  }

  /** The latest revision of the deposit of a TLD, day and kind, if any. */
  public Optional<Name> latest(String tld, LocalDate date, DepositMode mode) {
    return list(tld).stream()
        .filter(n -> n.date().equals(date) && n.mode() == mode)
        .reduce((a, b) -> b);
    }

  /** The escrow deposit (full or differential) a new one on {@code date} follows, if any. */
  public Optional<Name> previous(String tld, LocalDate date) {
    return list(tld).stream()
        .filter(n -> n.date().isBefore(date) && n.mode() != DepositMode.THIN)
        .reduce((a, b) -> b);
  }

  /** The watermark stored with a deposit. */
  public Instant watermark(Name n) {
    String w = s3.headObject(r -> r.bucket(bucket).key(n.ryde())).metadata().get("watermark");
    if (w == null) {
      throw new IllegalStateException(n.ryde() + " has no watermark metadata");
    }
    return Instant.parse(w);
  }

  public boolean verified(Name n) {
    try {
      s3.headObject(r -> r.bucket(bucket).key(n.verified()));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** Marks a deposit as verified, with what the verifier found (one line per fact). */
  public void markVerified(Name n, Map<String, Long> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
    s3.putObject(r -> r.bucket(bucket).key(n.verified()), RequestBody.fromString(sb.toString()));
  }
}
