package org.opentld.registry.functions.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A plain-text e-mail, rendered as an RFC 5322 message with MIME headers (RFC 2045): CRLF line
 * ends, a {@code Date} and {@code Message-ID}, RFC 2047 encoded words for a non-ASCII subject and
 * base64 for a non-ASCII body, so that the same bytes go to SES (raw content) and into a local
 * {@code .eml} file.
 *
 * @param messageId the Message-ID without angle brackets, {@code local@domain}
 */
public record MailMessage(
    String from, List<String> to, String subject, String body, Instant date, String messageId) {
  /** A deliberately strict addr-spec: no display names, no CR/LF (no header injection). */
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");

  private static final Pattern MESSAGE_ID =
      Pattern.compile("[\\x21-\\x3b\\x3d\\x3f-\\x7e]+@[\\w.-]+");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final String CRLF = "\r\n";

  public MailMessage {
    to = List.copyOf(to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("a message needs a recipient");
    }
    for (String a : to) {
      requireAddress(a);
    }
    requireAddress(from);
    if (!MESSAGE_ID.matcher(messageId).matches()) {
      throw new IllegalArgumentException("bad Message-ID: " + messageId);
    }
    subject = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
    body = body.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** True if {@code address} is an addr-spec this class accepts. */
  public static boolean isAddress(String address) {
    return address != null && ADDRESS.matcher(address).matches();
  }

  private static void requireAddress(String a) {
    if (!isAddress(a)) {
      throw new IllegalArgumentException("not an e-mail address: " + a);
    }
  }

  /** The message as RFC 5322 bytes. */
  public byte[] toRfc5322() {
    StringBuilder h = new StringBuilder();
    header(h, "Date", DATE.format(date));
    header(h, "From", from);
    header(h, "To", String.join(", ", to));
    header(h, "Subject", encodeWord(subject));
    header(h, "Message-ID", "<" + messageId + ">");
    header(h, "MIME-Version", "1.0");
    header(h, "Content-Type", "text/plain; charset=UTF-8");
    String[] lines = body.split("\n", -1);
    boolean plain = body.chars().allMatch(c -> c < 128);
    for (String l : lines) {
      plain &= l.length() <= 998;
    }
    header(h, "Content-Transfer-Encoding", plain ? "7bit" : "base64");
    h.append(CRLF);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
    if (plain) {
      out.writeBytes(String.join(CRLF, lines).getBytes(StandardCharsets.US_ASCII));
    } else {
      byte[] utf8 = String.join(CRLF, lines).getBytes(StandardCharsets.UTF_8);
      out.writeBytes(
          Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII)).encode(utf8));
    }
    if (!body.endsWith("\n")) {
      out.writeBytes(CRLF.getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  /** Appends a header, folded at spaces (RFC 5322 §2.2.3) to keep lines near 78 characters. */
  private static void header(StringBuilder out, String name, String value) {
    String line = name + ": " + value;
    while (line.length() > 78) {
      int cut = line.lastIndexOf(' ', 78);
      if (cut <= name.length() + 1) {
        cut = line.indexOf(' ', 79);
        if (cut < 0) {
          break;
        }
      }
      out.append(line, 0, cut).append(CRLF);
      line = line.substring(cut);
    }
    out.append(line).append(CRLF);
  }

  /** An RFC 2047 encoded word (UTF-8, base64) for non-ASCII text, else the text itself. */
  private static String encodeWord(String text) {
    if (text.chars().allMatch(c -> c >= 32 && c < 127)) {
      return text;
    }
    // Encoded words are at most 75 characters: split the text into chunks of whole code points.
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int end = i;
      while (end < text.length()) {
        int next = end + Character.charCount(text.codePointAt(end));
        if (text.substring(i, next).getBytes(StandardCharsets.UTF_8).length > 45) {
          break;
        }
        end = next;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append("=?UTF-8?B?")
          .append(
              Base64.getEncoder()
                  .encodeToString(text.substring(i, end).getBytes(StandardCharsets.UTF_8)))
          .append("?=");
      i = end;
    }
    return out.toString();
  }
}
