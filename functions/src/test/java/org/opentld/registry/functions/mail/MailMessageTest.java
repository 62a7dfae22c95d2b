package org.opentld.registry.functions.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailMessageTest {
  private static final Instant AT = Instant.parse("2026-03-02T08:05:09Z");

  private static String render(String subject, String body) {
    return new String(
        new MailMessage(
                "registry@nic.test",
                List.of("a@example.net", "b@example.net"),
                subject,
                body,
                AT,
                "n1.x@nic.test")
            .toRfc5322(),
        StandardCharsets.UTF_8);
  }

  @Test
  void asciiMessageHasRfc5322HeadersCrlfAndA7bitBody() {
    String m = render("Hello", "line one\nline two\n");
    assertThat(m)
        .isEqualTo(
            String.join(
                "\r\n",
                "Date: Mon, 2 Mar 2026 08:05:09 +0000",
                "From: registry@nic.test",
                "To: a@example.net, b@example.net",
                "Subject: Hello",
                "Message-ID: <n1.x@nic.test>",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: 7bit",
                "",
                "line one",
                "line two",
                ""));
  }

  @Test
  void nonAsciiSubjectIsAnEncodedWordAndBodyIsBase64() {
    String m = render("bücher.test läuft ab", "Grüße\n");
    assertThat(m)
        .contains(
            "\r\nSubject: =?UTF-8?B?"
                + Base64.getEncoder()
                    .encodeToString("bücher.test läuft ab".getBytes(StandardCharsets.UTF_8))
                + "?=\r\n");
    assertThat(m)
        .contains(
            "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getEncoder()
                    .encodeToString("Grüße\r\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(m.chars().allMatch(c -> c < 128)).isTrue();
  }

  @Test
  void longHeadersAreFoldedAndLinesStayShort() {
    String subject = "word ".repeat(40).strip();
    String m = render(subject, "x\n");
    String header = m.substring(0, m.indexOf("\r\n\r\n"));
    assertThat(header.split("\r\n"))
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(78));
    assertThat(header.replace("\r\n ", " ")).contains("Subject: " + subject);
  }

  @Test
  void failure_headerInjectionAndBadAddressesAreRefused() {
    assertThatThrownBy(
            () ->
                new MailMessage(
                    "registry@nic.test",
                    List.of("a@example.net\r\nBcc: x@y.z"),
                    "s",
                    "b",
                    AT,
                    "i@nic.test"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new MailMessage("registry", List.of("a@example.net"), "s", "b", AT, "i@nic.test"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new MailMessage("registry@nic.test", List.of(), "s", "b", AT, "i@nic.test"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(render("one\r\nBcc: x@y.z", "b"))
        .contains("Subject: one Bcc: x@y.z\r\n")
        .doesNotContain("\r\nBcc:");
  }
}
