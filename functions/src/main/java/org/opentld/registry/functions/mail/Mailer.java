package org.opentld.registry.functions.mail;

/**
 * Sends e-mail notices. Two real implementations: {@link SesMailer} (Amazon SES v2) in AWS and
 * {@link MailFolder} (one {@code .eml} file per message) in the local stack and tests.
 */
public interface Mailer {
  /**
   * Sends one message.
   *
   * @throws MailException if it was not accepted; the caller may retry later
   */
  void send(MailMessage message);

  /** A message the mail service did not accept. */
  final class MailException extends RuntimeException {
    public MailException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
