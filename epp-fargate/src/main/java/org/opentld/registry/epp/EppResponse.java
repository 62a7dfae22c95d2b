package org.opentld.registry.epp;

import java.time.Instant;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;

/**
 * The outcome of one command before it is framed as {@code <response>} (RFC 5730 §2.6):
 * result code and message, optional {@code <resData>} and {@code <extension>} content (each a
 * fragment that declares its own namespace), and whether the server closes the session after
 * sending it (1500, 2500-2502).
 */
public record EppResponse(
    ResultCode code, String message, String resData, String extension, boolean close, MsgQ msgQ) {

  /**
   * The {@code <msgQ>} of a poll response (RFC 5730 §2.6): messages queued and the id of the
   * one concerned; {@code qDate} and {@code msg} only for a poll request.
   */
  public record MsgQ(long count, String id, Instant qDate, String msg) {}

  public EppResponse(
      ResultCode code, String message, String resData, String extension, boolean close) {
    this(code, message, resData, extension, close, null);
  }

  /** A poll answer: its code (1000, 1300, 1301), queue data and the message's resData. */
  public static EppResponse poll(ResultCode code, MsgQ msgQ, String resData) {
    return new EppResponse(code, code.message(), resData, null, false, msgQ);
  }

  public static EppResponse of(ResultCode code) {
    return new EppResponse(code, code.message(), null, null, closes(code));
  }

  public static EppResponse of(ResultCode code, String message) {
    return new EppResponse(code, message, null, null, closes(code));
  }

  public static EppResponse success(String resData, String extension) {
    return new EppResponse(ResultCode.SUCCESS, ResultCode.SUCCESS.message(), resData, extension,
        false);
  }

  /** A success other than plain 1000 (1001 for a pending action) with its data. */
  public static EppResponse success(ResultCode code, String resData, String extension) {
    return new EppResponse(code, code.message(), resData, extension, false);
  }

  /** A registry failure; its message is written for clients (see {@link RegistryException}). */
  public static EppResponse error(RegistryException e) {
    return of(e.code(), e.getMessage() == null ? e.code().message() : e.getMessage());
  }

  private static boolean closes(ResultCode code) {
    return code == ResultCode.SUCCESS_ENDING_SESSION || code.code() >= 2500;
  }

  /** The complete {@code <epp><response>} document. */
  public String render(String clTrid, String svTrid) {
    Xml x = new Xml();
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    x.open("epp", "xmlns", EppNs.EPP).open("response");
    x.open("result", "code", Integer.toString(code.code())).leaf("msg", message).close("result");
    if (msgQ != null) {
      x.open("msgQ", "count", Long.toString(msgQ.count()), "id", msgQ.id());
      x.leaf("qDate", Xml.time(msgQ.qDate())).leaf("msg", msgQ.msg());
      x.close("msgQ");
    }
    if (resData != null) {
      x.open("resData").raw(resData).close("resData");
    }
    if (extension != null) {
      x.open("extension").raw(extension).close("extension");
    }
    x.open("trID").leaf("clTRID", clTrid).leaf("svTRID", svTrid).close("trID");
    return x.close("response").close("epp").toString();
  }
}
