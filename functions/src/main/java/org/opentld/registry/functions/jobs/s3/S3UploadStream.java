package org.opentld.registry.functions.jobs.s3;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes an S3 object as a multipart upload: bytes collect in one part-sized buffer, each full
 * buffer is uploaded as the next part, and {@link #close()} completes the upload. Memory stays
 * at one part (8 MiB by default) whatever the object's size. If the writer fails, {@link
 * #abort()} drops the parts so no half object and no stored parts remain.
 */
public final class S3UploadStream extends OutputStream {
  /** S3's smallest part (except the last) is 5 MiB. */
  public static final int DEFAULT_PART = 8 * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final byte[] buffer;
  private final java.util.Map<String, String> metadata;
  private final List<CompletedPart> parts = new ArrayList<>();
  private String uploadId;
  private int used;
  private long total;
  private boolean closed;

  /**
   * @param metadata user metadata of the object ({@code x-amz-meta-*})
   */
  public S3UploadStream(
      S3Client s3, String bucket, String key, int partSize, java.util.Map<String, String> metadata) {
    if (partSize < 5 * 1024 * 1024) {
      throw new IllegalArgumentException("S3 parts are at least 5 MiB");
    }
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.buffer = new byte[partSize];
    this.metadata = java.util.Map.copyOf(metadata);
  }

  public S3UploadStream(S3Client s3, String bucket, String key) {
    this(s3, bucket, key, DEFAULT_PART, java.util.Map.of());
  }

  /** Bytes written so far. */
  public long size() {
    return total;
  }

  @Override
  public void write(int b) throws IOException {
    if (used == buffer.length) {
      uploadPart();
    }
    buffer[used++] = (byte) b;
    total++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (used == buffer.length) {
        uploadPart();
      }
      int n = Math.min(len, buffer.length - used);
      System.arraycopy(b, off, buffer, used, n);
      used += n;
      off += n;
      len -= n;
      total += n;
    }
  }

  private void uploadPart() throws IOException {
    try {
      if (uploadId == null) {
        uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).metadata(metadata)).uploadId();
      }
      int number = parts.size() + 1;
      String etag =
          s3.uploadPart(
                  r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                  RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, used)))
              .eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      used = 0;
    } catch (RuntimeException e) {
      abort();
      throw new IOException("upload of s3://" + bucket + "/" + key + " failed", e);
    }
  }

  /** Completes the upload (a small object goes up in one PutObject). */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (uploadId == null) {
        s3.putObject(
            r -> r.bucket(bucket).key(key).metadata(metadata),
            RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, used)));
        return;
      }
      if (used > 0) {
        uploadPart();
      }
      s3.completeMultipartUpload(
          r -> r.bucket(bucket).key(key).uploadId(uploadId)
              .multipartUpload(m -> m.parts(parts)));
    } catch (RuntimeException e) {
      abort();
      throw new IOException("upload of s3://" + bucket + "/" + key + " failed", e);
    }
  }

  /** Gives up: the multipart upload and its parts are deleted; nothing is stored. */
  public void abort() {
    closed = true;
    if (uploadId != null) {
      try {
        s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
      } catch (RuntimeException ignored) {
        // a lifecycle rule removes incomplete uploads that an abort could not
      }
      uploadId = null;
    }
  }
}
