package org.opentld.registry.functions.mail;

import java.nio.file.Path;
import java.util.Map;

/** Picks the mailer from the settings: a mail folder when {@code MAIL_FOLDER} is set, else SES. */
public final class Mailers {
  /** The sender address of registry notices when {@code MAIL_FROM} is unset. */
  public static final String DEFAULT_FROM = "registry@opentld.invalid";

  private Mailers() {}

  /**
   * {@code MAIL_FOLDER} (local stack, tests): one {@code .eml} file per message there; otherwise
   * SES with the optional {@code SES_CONFIGURATION_SET}.
   */
  public static Mailer fromSettings(Map<String, String> settings) {
    String folder = settings.get("MAIL_FOLDER");
    if (folder != null && !folder.isBlank()) {
      return new MailFolder(Path.of(folder));
    }
    return SesMailer.withDefaults(settings.get("SES_CONFIGURATION_SET"));
  }

  /** The sender address: {@code MAIL_FROM} or {@link #DEFAULT_FROM}. */
  public static String from(Map<String, String> settings) {
    String from = settings.get("MAIL_FROM");
    return from == null || from.isBlank() ? DEFAULT_FROM : from.strip();
  }
}
