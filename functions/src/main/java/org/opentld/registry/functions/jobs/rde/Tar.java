package org.opentld.registry.functions.jobs.rde;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The one-file POSIX ustar archive a RyDE deposit wraps its XML in (ICANN's escrow
 * specification: xml, then tar, then compress and encrypt). Sizes of 8 GiB and more use the
 * GNU base-256 size field. Only what escrow needs: one regular file per archive.
 */
final class Tar {
  private static final int BLOCK = 512;

  private Tar() {}

  /** Writes an archive holding one file of {@code size} bytes read from {@code data}. */
  static void write(OutputStream out, String name, long size, Instant mtime, InputStream data)
      throws IOException {
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, name);
    put(h, 100, 8, "0000644");
    put(h, 108, 8, "0000000");
    put(h, 116, 8, "0000000");
    if (size < 077777777777L) {
      put(h, 124, 12, String.format("%011o", size));
    } else {
      h[124] = (byte) 0x80;
      for (int i = 0; i < 8; i++) {
        h[135 - i] = (byte) (size >>> (8 * i));
      }
    }
    put(h, 136, 12, String.format("%011o", mtime.getEpochSecond()));
    h[156] = '0';
    put(h, 257, 6, "ustar");
    h[263] = '0';
    h[264] = '0';
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, 6, String.format("%06o", sum));
    h[154] = 0;
    h[155] = ' ';
    out.write(h);
    byte[] buf = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = data.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new EOFException("file ended " + left + " bytes early");
      }
      out.write(buf, 0, n);
      left -= n;
    }
    int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
    out.write(new byte[pad + 2 * BLOCK]);
  }

  /** The first file of an archive: its name and a stream of exactly its bytes. */
  record Entry(String name, long size, InputStream data) {}

  static Entry readFirst(InputStream in) throws IOException {
    byte[] h = in.readNBytes(BLOCK);
    if (h.length < BLOCK) {
      throw new EOFException("not a tar archive: no header");
    }
    long stored = 0;
    for (int i = 148; i < 156 && h[i] != 0 && h[i] != ' '; i++) {
      stored = stored * 8 + (h[i] - '0');
    }
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
    }
    if (sum != stored || h[156] != '0' && h[156] != 0) {
      throw new IOException("not a tar archive of a regular file");
    }
    String name = text(h, 0, 100);
    long size = 0;
    if ((h[124] & 0x80) != 0) {
      for (int i = 128; i < 136; i++) {
        size = (size << 8) | (h[i] & 0xff);
      }
    } else {
      size = Long.parseLong(text(h, 124, 12).trim(), 8);
    }
    long total = size;
    InputStream limited =
        new FilterInputStream(in) {
          long left = total;

          @Override
          public int read() throws IOException {
            if (left <= 0) {
              return -1;
            }
            int b = super.read();
            if (b >= 0) {
              left--;
            }
            return b;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
              return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
              left -= n;
            }
            return n;
          }

          @Override
          public void close() {
            // the archive stream stays open for the caller
          }
        };
    return new Entry(name, size, limited);
  }

  private static void put(byte[] h, int at, int len, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, Math.min(len, b.length));
  }

  private static String text(byte[] h, int at, int len) {
    int end = at;
    while (end < at + len && h[end] != 0) {
      end++;
    }
    return new String(h, at, end - at, StandardCharsets.US_ASCII);
  }
}
