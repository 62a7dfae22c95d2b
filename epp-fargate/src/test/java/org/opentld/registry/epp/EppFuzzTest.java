package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryConfig;
import org.opentld.registry.error.RegistryException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Coverage-guided fuzzing (Jazzer) of what a client controls before any registry rule runs:
 * the RFC 5734 frame decoder with the real {@link EppFrameHandler}, and the dispatcher's XML
 * handling ({@link EppXml} parse, depth bound, schema validation, namespace and session
 * rules, the commands' reading of their elements).
 *
 * <p>The input's first byte picks the target: bit 0 clear, one frame's payload straight to
 * {@link EppDispatcher#handle} (bit 1 set: on a logged-in session with every service, so
 * object commands reach their {@link EppCommand}); bit 0 set, a byte stream written into an
 * {@link EmbeddedChannel} holding the server's frame decoder, prepender and frame handler, in
 * chunks of (second byte + 1) bytes. The registry behind the dispatcher has no store: every
 * DynamoDB call throws a {@link RegistryException} (2303, "fuzz: no store"), so commands run
 * their parsing and stop at their first read.
 *
 * <p>A finding is any exception or error escaping the harness, an answer that is not valid
 * EPP, and any 2400: the dispatcher answers 2400 only for an unexpected exception in the
 * protocol code, which it would otherwise log and hide. Oversized or malformed frame headers
 * must close the connection, which is the decoder's expected error.
 *
 * <p>Seeds (src/test/resources/.../EppFuzzTestInputs/fuzz) are the request fixtures, the
 * greeting and a login, in both modes. Without {@code JAZZER_FUZZ} the test replays them
 * (regression mode); the pom's {@code fuzz} surefire execution sets {@code JAZZER_FUZZ=1} so
 * that {@code mvn test} fuzzes for {@code maxDuration}.
 */
class EppFuzzTest {
  private static final Pattern CODE = Pattern.compile("<result code=\"(\\d{4})\"");
  private static final int MAX_FRAME = 8192;

  private static final Registry REGISTRY =
      new Registry(noStore(), Clock.systemUTC(), new RegistryConfig("fuzz", "FUZZ", 0));
  private static final EppDispatcher DISPATCHER =
      new EppDispatcher(REGISTRY, Clock.systemUTC(), "OpenTLD EPP fuzz", 3);
  private static final EppCommands COMMANDS = EppCommands.standard(REGISTRY);

  /** A DynamoDB client whose every call fails as a registry error the dispatcher maps. */
  private static DynamoDbClient noStore() {
    return (DynamoDbClient)
        Proxy.newProxyInstance(
            EppFuzzTest.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "serviceName" -> "dynamodb";
                  case "close" -> null;
                  case "toString" -> "no store";
                  case "hashCode" -> 0;
                  case "equals" -> proxy == args[0];
                  default -> throw new RegistryException.ObjectDoesNotExist("fuzz: no store");
                });
  }

  @FuzzTest(maxDuration = "30s")
  void fuzz(byte[] input) throws Exception {
    if (input.length < 2) {
      return;
    }
    byte[] payload = Arrays.copyOfRange(input, 2, input.length);
    if ((input[0] & 1) == 0) {
      dispatch(payload, (input[0] & 2) != 0);
    } else {
      frames(payload, (input[1] & 0xff) + 1);
    }
  }

  private static void dispatch(byte[] frame, boolean loggedIn) {
    EppSession session = new EppSession(null, "192.0.2.1");
    if (loggedIn) {
      session.login("fuzz-registrar", COMMANDS.objectUris(), COMMANDS.extensionUris());
    }
    EppDispatcher.Reply reply = DISPATCHER.handle(frame, session);
    checkAnswer(reply.xml());
  }

  private static void frames(byte[] stream, int chunk) {
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, -4, 4),
            new LengthFieldPrepender(4, true),
            new EppFrameHandler(DISPATCHER, Runnable::run));
    ByteBuf written = Unpooled.buffer();
    try {
      ch.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
      for (int i = 0; i < stream.length && ch.isOpen(); i += chunk) {
        ch.writeInbound(
            Unpooled.wrappedBuffer(stream, i, Math.min(chunk, stream.length - i)));
        ch.runPendingTasks();
        drain(ch, written);
      }
      ch.runPendingTasks();
      drain(ch, written);
      assertThat(written.readableBytes()).as("a partial frame was written").isZero();
      ch.checkException();
    } finally {
      written.release();
      ch.finishAndReleaseAll();
    }
  }

  /**
   * Collects what the server wrote (the prepender writes the length and the payload as two
   * buffers); every complete frame must be valid EPP and never a 2400.
   */
  private static void drain(EmbeddedChannel ch, ByteBuf written) {
    for (Object o; (o = ch.readOutbound()) != null; ) {
      ByteBuf out = (ByteBuf) o;
      try {
        written.writeBytes(out);
      } finally {
        out.release();
      }
    }
    while (written.readableBytes() >= 4) {
      int length = written.getInt(written.readerIndex());
      assertThat(length).as("frame length").isGreaterThanOrEqualTo(4);
      if (written.readableBytes() < length) {
        return;
      }
      written.skipBytes(4);
      checkAnswer(written.readCharSequence(length - 4, StandardCharsets.UTF_8).toString());
    }
  }

  private static void checkAnswer(String xml) {
    try {
      EppXml.parseValid(xml.getBytes(StandardCharsets.UTF_8));
    } catch (EppXml.SyntaxError e) {
      throw new AssertionError("answer is not valid EPP: " + e.getMessage() + "\n" + xml);
    }
    Matcher m = CODE.matcher(xml);
    if (m.find() && m.group(1).equals("2400")) {
      throw new AssertionError("unexpected exception in the protocol code (2400):\n" + xml);
    }
  }
}
