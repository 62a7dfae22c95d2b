package org.opentld.registry.functions.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The SES mailer with the real SDK client: the request is marshalled and signed as for AWS and
 * captured just before it would be transmitted (no SES is reachable from the build).
 */
class SesMailerTest {
  @Test
  void sendsTheRfc5322BytesAsRawContentWithTheConfigurationSet() throws IOException {
    AtomicReference<String> path = new AtomicReference<>();
    AtomicReference<byte[]> body = new AtomicReference<>();
    ExecutionInterceptor capture =
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
            path.set(c.httpRequest().method() + " " + c.httpRequest().encodedPath());
            try {
              body.set(
                  c.requestBody().orElseThrow().contentStreamProvider().newStream().readAllBytes());
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
            throw SdkClientException.create("captured before transmission");
          }
        };
    SesMailer mailer =
        new SesMailer(
            () ->
                SesV2Client.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .region(Region.EU_WEST_1)
                    .endpointOverride(URI.create("http://127.0.0.1:9"))
                    .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                    .overrideConfiguration(o -> o.addExecutionInterceptor(capture))
                    .build(),
            "registry-notices");
    MailMessage m =
        new MailMessage(
            "registry@nic.test",
            List.of("reg@example.net"),
            "Subject",
            "Body\n",
            Instant.parse("2026-01-15T10:00:00Z"),
            "id.1@nic.test");

    assertThatThrownBy(() -> mailer.send(m))
        .isInstanceOf(Mailer.MailException.class)
        .hasMessageContaining("id.1@nic.test")
        .hasMessageContaining("captured before transmission");

    assertThat(path.get()).isEqualTo("POST /v2/email/outbound-emails");
    JsonNode json = new ObjectMapper().readTree(body.get());
    assertThat(json.path("FromEmailAddress").asText()).isEqualTo("registry@nic.test");
    assertThat(json.path("Destination").path("ToAddresses").get(0).asText())
        .isEqualTo("reg@example.net");
    assertThat(json.path("ConfigurationSetName").asText()).isEqualTo("registry-notices");
    byte[] raw = Base64.getDecoder().decode(json.path("Content").path("Raw").path("Data").asText());
    assertThat(new String(raw, StandardCharsets.UTF_8))
        .isEqualTo(new String(m.toRfc5322(), StandardCharsets.UTF_8));
  }
}
