package org.opentld.registry.epp.client;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.opentld.registry.epp.Certificates;

/**
 * A small blocking EPP client (RFC 5734): TLS with a client certificate, RFC 5734 framing,
 * and helpers for the common commands. Used by the tests and shipped as a command-line tool:
 *
 * <pre>
 * java -cp epp-fargate.jar org.opentld.registry.epp.client.EppClient \
 *   --host epp.example --port 700 --cert client.pem --key client.key --ca ca.pem \
 *   --id reg-a --pw secret check example.test other.test
 * </pre>
 *
 * Commands: {@code hello}, {@code check NAME...}, {@code info NAME}, {@code file REQUEST.xml}.
 */
public final class EppClient implements Closeable {
  private static final String EPP = "urn:ietf:params:xml:ns:epp-1.0";
  private static final String DOMAIN = "urn:ietf:params:xml:ns:domain-1.0";
  private static final String LOGIN_SEC = "urn:ietf:params:xml:ns:epp:loginSec-1.0";
  /** {@code <pw>} and {@code <newPW>} hold 6 to 16 characters (RFC 5730 epp:pwType). */
  private static final int MAX_PLAIN_PW = 16;
  private static final int MAX_FRAME = 16 * 1024 * 1024;

  private final SSLSocket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final String greeting;
  private int trid;

  private EppClient(SSLSocket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.greeting = readFrame();
  }

  /**
   * Connects, completes TLS with the client certificate and reads the greeting.
   *
   * @param caPem the CA to trust for the server's certificate, or null to trust any server
   *     (development only)
   */
  public static EppClient connect(String host, int port, Path certPem, Path keyPem, Path caPem)
      throws IOException {
    return connect(host, port, certPem, keyPem, caPem, null);
  }

  /** Like {@link #connect}, first writing {@code preamble} (e.g. a PROXY header) in clear. */
  public static EppClient connect(
      String host, int port, Path certPem, Path keyPem, Path caPem, byte[] preamble)
      throws IOException {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keyManagers(certPem, keyPem).getKeyManagers(), trustManagers(caPem), null);
      java.net.Socket raw = new java.net.Socket(host, port);
      // A frame is written as one TLS record, and without Nagle: with it, every command
      // waited for the server's delayed ACK (about 40 ms on Linux) before it left.
      raw.setTcpNoDelay(true);
      if (preamble != null) {
        raw.getOutputStream().write(preamble);
        raw.getOutputStream().flush();
      }
      SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host, port, true);
      s.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      s.setSoTimeout(30_000);
      s.startHandshake();
      return new EppClient(s);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  public String greeting() {
    return greeting;
  }

  /** Sends one XML document and returns the server's answer. */
  public String send(String xml) throws IOException {
    writeFrame(xml.getBytes(StandardCharsets.UTF_8));
    String reply = readFrame();
    if (reply == null) {
      throw new EOFException("server closed the connection");
    }
    return reply;
  }

  /** Writes one frame: a 4-byte length that counts itself, then the bytes (RFC 5734 §4). */
  public void writeFrame(byte[] payload) throws IOException {
    out.write(ByteBuffer.allocate(payload.length + 4).putInt(payload.length + 4).put(payload)
        .array());
    out.flush();
  }

  /** Writes bytes as they are, for tests of hostile framing. */
  public void writeRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Reads one frame; null when the server has closed the connection. */
  public String readFrame() throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (length < 4 || length > MAX_FRAME) {
      throw new IOException("bad frame length " + length);
    }
    byte[] b = new byte[length - 4];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  public void setReadTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  public String hello() throws IOException {
    return send("<?xml version=\"1.0\" encoding=\"UTF-8\"?><epp xmlns=\"" + EPP + "\"><hello/></epp>");
  }

  /**
   * Logs in. A password longer than {@code <pw>} allows goes in the Login Security extension
   * (RFC 8807) when the server offers it: {@code <pw>[LOGIN-SECURITY]</pw>} and the real one
   * in {@code <loginSec:pw>} (likewise for the new password), with the extension selected.
   */
  public String login(String clId, String pw, String newPw, List<String> objUris,
      List<String> extUris) throws IOException {
    boolean longPw = pw != null && pw.length() > MAX_PLAIN_PW;
    boolean longNew = newPw != null && newPw.length() > MAX_PLAIN_PW;
    boolean sec = (longPw || longNew) && greeting != null && greeting.contains(LOGIN_SEC);
    String sentinel = "[LOGIN-SECURITY]";
    StringBuilder sb = new StringBuilder("<login><clID>").append(esc(clId)).append("</clID><pw>")
        .append(esc(sec && longPw ? sentinel : pw)).append("</pw>");
    if (newPw != null) {
      sb.append("<newPW>").append(esc(sec && longNew ? sentinel : newPw)).append("</newPW>");
    }
    if (sec && !extUris.contains(LOGIN_SEC)) {
      extUris = new ArrayList<>(extUris);
      extUris.add(LOGIN_SEC);
    }
    sb.append("<options><version>1.0</version><lang>en</lang></options><svcs>");
    objUris.forEach(u -> sb.append("<objURI>").append(esc(u)).append("</objURI>"));
    if (!extUris.isEmpty()) {
      sb.append("<svcExtension>");
      extUris.forEach(u -> sb.append("<extURI>").append(esc(u)).append("</extURI>"));
      sb.append("</svcExtension>");
    }
    String ext = null;
    if (sec) {
      ext = "<loginSec:loginSec xmlns:loginSec=\"" + LOGIN_SEC + "\"><loginSec:userAgent>"
          + "<loginSec:app>OpenTLD EppClient</loginSec:app><loginSec:tech>Java "
          + Runtime.version().feature() + "</loginSec:tech></loginSec:userAgent>"
          + (longPw ? "<loginSec:pw>" + esc(pw) + "</loginSec:pw>" : "")
          + (longNew ? "<loginSec:newPW>" + esc(newPw) + "</loginSec:newPW>" : "")
          + "</loginSec:loginSec>";
    }
    return send(command(sb.append("</svcs></login>").toString(), ext));
  }

  public String check(String... names) throws IOException {
    StringBuilder sb = new StringBuilder("<check><domain:check xmlns:domain=\"" + DOMAIN + "\">");
    for (String n : names) {
      sb.append("<domain:name>").append(esc(n)).append("</domain:name>");
    }
    return send(command(sb.append("</domain:check></check>").toString(), null));
  }

  public String info(String name) throws IOException {
    return send(command("<info><domain:info xmlns:domain=\"" + DOMAIN + "\"><domain:name>"
        + esc(name) + "</domain:name></domain:info></info>", null));
  }

  public String logout() throws IOException {
    return send(command("<logout/>", null));
  }

  /** Wraps a verb element (and optional extension content) in {@code <epp><command>}. */
  public String command(String verb, String extension) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><epp xmlns=\"" + EPP + "\"><command>" + verb
        + (extension == null ? "" : "<extension>" + extension + "</extension>")
        + "<clTRID>CL-" + (++trid) + "</clTRID></command></epp>";
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static KeyManagerFactory keyManagers(Path certPem, Path keyPem)
      throws IOException, GeneralSecurityException {
    List<X509Certificate> chain = Certificates.readCertificates(certPem);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("client", Certificates.readKey(keyPem), new char[0],
        chain.toArray(new X509Certificate[0]));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, new char[0]);
    return kmf;
  }

  private static TrustManager[] trustManagers(Path caPem)
      throws IOException, GeneralSecurityException {
    if (caPem == null) {
      return new TrustManager[] {new TrustAny()};
    }
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    int i = 0;
    for (X509Certificate c : Certificates.readCertificates(caPem)) {
      ts.setCertificateEntry("ca" + i++, c);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    return tmf.getTrustManagers();
  }

  /** Trusts any server certificate: for development against a local stack only. */
  private static final class TrustAny implements X509TrustManager {
    @Override public void checkClientTrusted(X509Certificate[] c, String a) {}
    @Override public void checkServerTrusted(X509Certificate[] c, String a) {}
    @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
  }

  /** Command-line entry point; see the class comment. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length && !args[i].equals("--insecure")) {
        opts.put(args[i].substring(2), args[++i]);
      } else if (!args[i].equals("--insecure")) {
        rest.add(args[i]);
      }
    }
    if (rest.isEmpty() || !opts.containsKey("cert") || !opts.containsKey("key")) {
      System.err.println("usage: EppClient --host H --port P --cert C.pem --key K.pem "
          + "[--ca CA.pem | --insecure] --id CLID --pw PW (hello | check NAME... | info NAME "
          + "| file REQUEST.xml)");
      System.exit(2);
    }
    Path ca = opts.containsKey("ca") ? Path.of(opts.get("ca")) : null;
    try (EppClient c = connect(opts.getOrDefault("host", "127.0.0.1"),
        Integer.parseInt(opts.getOrDefault("port", "700")), Path.of(opts.get("cert")),
        Path.of(opts.get("key")), ca)) {
      if (rest.get(0).equals("hello")) {
        System.out.println(c.greeting());
        return;
      }
      String login = c.login(opts.get("id"), opts.get("pw"), null, List.of(DOMAIN),
          List.of("urn:ietf:params:xml:ns:secDNS-1.1", "urn:ietf:params:xml:ns:epp:fee-1.0",
              "urn:ietf:params:xml:ns:rgp-1.0"));
      if (!login.contains("code=\"1000\"")) {
        System.out.println(login);
        System.exit(1);
      }
      String out = switch (rest.get(0)) {
        case "check" -> c.check(rest.subList(1, rest.size()).toArray(new String[0]));
        case "info" -> c.info(rest.get(1));
        case "file" -> c.send(Files.readString(Path.of(rest.get(1))));
        default -> throw new IllegalArgumentException("unknown command " + rest.get(0));
      };
      System.out.println(out);
      c.logout();
    }
  }
}
