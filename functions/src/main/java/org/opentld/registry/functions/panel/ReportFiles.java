package org.opentld.registry.functions.panel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.opentld.registry.functions.FunctionEnvironment;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Where the jobs leave files the panel offers for download: ICANN reports, zone files and escrow
 * deposits. In AWS each is an S3 bucket ({@code PANEL_REPORTS_BUCKET}, {@code
 * PANEL_ZONES_BUCKET}, {@code PANEL_ESCROW_BUCKET}); on one machine a directory ({@code
 * PANEL_REPORTS_DIR}, …). A store that is not configured is absent, and the API says so (503).
 */
final class ReportFiles {
  static final List<String> STORES = List.of("reports", "zones", "escrow");

  /** One stored file. */
  record FileInfo(String key, long size, Instant lastModified) {}

  /** A place files are listed and read from. */
  interface Source {
    /** Files whose key starts with {@code prefix}, newest first, at most {@code limit + 1}. */
    List<FileInfo> list(String prefix, int limit);

    Optional<byte[]> read(String key);
  }

  private final Map<String, Source> sources;

  ReportFiles(Map<String, Source> sources) {
    this.sources = Map.copyOf(sources);
  }

  static ReportFiles from(FunctionEnvironment env) {
    Map<String, Source> m = new LinkedHashMap<>();
    S3Holder s3 = new S3Holder();
    for (String store : STORES) {
      String upper = store.toUpperCase(java.util.Locale.ROOT);
      String bucket = env.get("PANEL_" + upper + "_BUCKET", null);
      String dir = env.get("PANEL_" + upper + "_DIR", null);
      if (bucket != null) {
        m.put(store, new S3Source(s3, bucket));
      } else if (dir != null) {
        m.put(store, new DirSource(Path.of(dir)));
      }
    }
    return new ReportFiles(m);
  }

  Optional<Source> source(String store) {
    return Optional.ofNullable(sources.get(store));
  }

  /** Keys are relative paths of safe characters, never climbing out of their store. */
  static boolean safeKey(String key) {
    return key != null && key.matches("[A-Za-z0-9._/-]{1,512}") && !key.contains("..")
        && !key.startsWith("/");
  }

  /** One S3 client per process, built on first use (a cold start that needs none pays nothing). */
  private static final class S3Holder {
    private S3Client client;

    synchronized S3Client get() {
      if (client == null) {
        client = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
      }
      return client;
    }
  }

  private record S3Source(S3Holder s3, String bucket) implements Source {
    @Override
    public List<FileInfo> list(String prefix, int limit) {
      List<FileInfo> out = new ArrayList<>();
      var pages = s3.get().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix == null ? "" : prefix));
      for (S3Object o : pages.contents()) {
        out.add(new FileInfo(o.key(), o.size(), o.lastModified()));
        if (out.size() > 10_000) {
          break;
        }
      }
      out.sort(Comparator.comparing(FileInfo::lastModified).reversed());
      return out.subList(0, Math.min(out.size(), limit + 1));
    }

    @Override
    public Optional<byte[]> read(String key) {
      try {
        ResponseBytes<GetObjectResponse> b = s3.get().getObjectAsBytes(r -> r.bucket(bucket).key(key));
        return Optional.of(b.asByteArray());
      } catch (NoSuchKeyException e) {
        return Optional.empty();
      }
    }
  }

  private record DirSource(Path root) implements Source {
    @Override
    public List<FileInfo> list(String prefix, int limit) {
      if (!Files.isDirectory(root)) {
        return List.of();
      }
      try (Stream<Path> files = Files.walk(root)) {
        return files
            .filter(Files::isRegularFile)
            .map(p -> info(root.relativize(p).toString().replace('\\', '/'), p))
            .filter(f -> prefix == null || f.key().startsWith(prefix))
            .sorted(Comparator.comparing(FileInfo::lastModified).reversed().thenComparing(FileInfo::key))
            .limit(limit + 1L)
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static FileInfo info(String key, Path p) {
      try {
        return new FileInfo(key, Files.size(p), Files.getLastModifiedTime(p).toInstant());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Optional<byte[]> read(String key) {
      Path p = root.resolve(key).normalize();
      if (!p.startsWith(root.normalize()) || !Files.isRegularFile(p)) {
        return Optional.empty();
      }
      try {
        return Optional.of(Files.readAllBytes(p));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
