package org.opentld.registry.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.opentld.registry.Registry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB Local server (in memory, over real HTTP) per test JVM, started on first use on
 * a free port and stopped when the JVM exits. Tests isolate themselves by table name.
 */
public final class DynamoDbLocal {
  private static DynamoDBProxyServer server;
  private static URI endpoint;
  private static DynamoDbClient client;

  private DynamoDbLocal() {}

  public static synchronized URI endpoint() {
    if (endpoint == null) {
      start();
    }
    return endpoint;
  }

  public static synchronized DynamoDbClient client() {
    if (client == null) {
      client = Registry.localClient(endpoint());
    }
    return client;
  }

  private static void start() {
    try {
      System.setProperty("aws.region", "us-east-1");
      int port = freePort();
      server =
          ServerRunner.createServerFromCommandLineArgs(
              new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
      server.start();
      endpoint = URI.create("http://127.0.0.1:" + port);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.stop();
                    } catch (Exception ignored) {
                      // the JVM is going away
                    }
                  }));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start DynamoDB Local", e);
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
