package org.opentld.registry.functions.jobs;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One Adobe S3Mock server (a real S3-compatible HTTP server, files in a temporary folder) per
 * test JVM, started in-process on first use on free ports. Tests isolate themselves by bucket.
 */
public final class S3Local {
  private static S3MockApplication server;
  private static S3Client client;

  private S3Local() {}

  public static synchronized S3Client client() {
    if (client == null) {
      client =
          S3Client.builder()
              .httpClient(UrlConnectionHttpClient.create())
              .endpointOverride(endpoint())
              .region(Region.US_EAST_1)
              .forcePathStyle(true)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
              .build();
    }
    return client;
  }

  public static synchronized URI endpoint() {
    if (server == null) {
      try {
        Map<String, Object> props = new HashMap<>();
        props.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
        props.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
        props.put(S3MockApplication.PROP_SILENT, true);
        props.put(S3MockApplication.PROP_ROOT_DIRECTORY,
            Files.createTempDirectory("s3mock").toString());
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "WARN");
        server = S3MockApplication.start(props);
        S3MockApplication s = server;
        Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return URI.create("http://127.0.0.1:" + server.getHttpPort());
  }

  /** A new empty bucket with a unique name. */
  public static String bucket(String prefix) {
    String name = prefix + "-" + Long.toHexString(System.nanoTime());
    client().createBucket(b -> b.bucket(name));
    return name;
  }
}
