package org.opentld.registry.functions.mail;

import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends mail through Amazon SES (API v2, {@code SendEmail} with raw content: the same RFC 5322
 * bytes the local mail folder stores). The client is built on first use, so a job that sends
 * nothing pays no SES start-up; it uses the URL-connection HTTP client and the SDK's standard
 * region, credential and endpoint settings ({@code AWS_ENDPOINT_URL_SESV2}).
 */
public final class SesMailer implements Mailer {
  private final Supplier<SesV2Client> clientFactory;
  private final String configurationSet;
  private volatile SesV2Client client;

  /**
   * @param configurationSet the SES configuration set (event publishing), or null
   */
  public SesMailer(Supplier<SesV2Client> clientFactory, String configurationSet) {
    this.clientFactory = clientFactory;
    this.configurationSet =
        configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
  }

  /** A mailer with the SDK's default configuration. */
  public static SesMailer withDefaults(String configurationSet) {
    return new SesMailer(
        () -> SesV2Client.builder().httpClient(UrlConnectionHttpClient.create()).build(),
        configurationSet);
  }

  @Override
  public void send(MailMessage m) {
    SendEmailRequest.Builder r =
        SendEmailRequest.builder()
            .fromEmailAddress(m.from())
            .destination(d -> d.toAddresses(m.to()))
            .content(c -> c.raw(raw -> raw.data(SdkBytes.fromByteArray(m.toRfc5322()))));
    if (configurationSet != null) {
      r.configurationSetName(configurationSet);
    }
    try {
      client().sendEmail(r.build());
    } catch (SdkException e) {
      throw new MailException("SES did not accept " + m.messageId() + ": " + e.getMessage(), e);
    }
  }

  private SesV2Client client() {
    SesV2Client c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client = clientFactory.get();
        }
        c = client;
      }
    }
    return c;
  }
}
