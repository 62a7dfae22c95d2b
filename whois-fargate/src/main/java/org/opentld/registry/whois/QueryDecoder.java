package org.opentld.registry.whois;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the one query line of a connection (RFC 3912 §2: the query ends with CRLF; a bare LF is
 * accepted too) and passes it on as a String, decoded as UTF-8 so U-labels work. A line longer than
 * the limit is refused at once with a notice and the connection is closed, before more of it is
 * buffered. Anything after the first line is ignored: one query per connection.
 */
public final class QueryDecoder extends ByteToMessageDecoder {
  private final int maxLength;
  private final WhoisMetrics metrics;
  private boolean done;

  public QueryDecoder(int maxLength, WhoisMetrics metrics) {
    this.maxLength = maxLength;
    this.metrics = metrics;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (done) {
      in.skipBytes(in.readableBytes());
      return;
    }
    int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
    int length = (eol < 0 ? in.writerIndex() : eol) - in.readerIndex();
    if (eol >= 0 && length > 0 && in.getByte(eol - 1) == '\r') {
      length--;
    }
    if (length > maxLength) {
      done = true;
      in.skipBytes(in.readableBytes());
      metrics.query();
      metrics.tooLong();
      ctx.channel().config().setAutoRead(false);
      ctx.writeAndFlush(
              ctx.alloc()
                  .buffer()
                  .writeBytes(
                      WhoisFormat.notice(
                              "Query too long: at most " + maxLength + " bytes are accepted.")
                          .getBytes(StandardCharsets.UTF_8)))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    if (eol < 0) {
      return;
    }
    done = true;
    String line = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
    in.skipBytes(in.readableBytes());
    // The query is complete: stop reading, so a client that keeps sending costs nothing.
    ctx.channel().config().setAutoRead(false);
    out.add(printable(line));
  }

  /** Control characters have no place in a query and would garble logs and the echo. */
  static String printable(String line) {
    StringBuilder b = new StringBuilder(line.length());
    line.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
    return b.toString();
  }
}
