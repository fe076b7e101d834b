package org.srmap.server.tiles;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.Map;

/**
 * Answers a GET of a tile that {@link TileHits} holds right after Netty decoded it, before Reactor
 * Netty and Spring see it: a cached tile then costs what the HTTP codec and one map lookup cost.
 * Everything else (another route, a tile not cached, a body, CORS, HTTP/1.0) goes on unchanged.
 *
 * <p>HTTP/1.1 answers in the order of requests. A request is answered here only when every request
 * passed on before it on the connection has had its final response, so a client that pipelines a
 * slow request and a cached one gets them in order. One instance per connection; Netty calls it on
 * the connection's event loop only.
 */
final class TileHitHandler extends ChannelDuplexHandler {
    private final TileHits hits;

    /** Requests passed on whose final response has not been written yet. */
    private int pending;

    /** The rest of a request answered here is dropped. */
    private boolean dropping;

    /** The response being written is informational (100 Continue): not the final one. */
    private boolean informational;

    TileHitHandler(TileHits hits) {
        this.hits = hits;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            dropping = false;
            TileHits.Hit hit = pending == 0 && answerable(request) ? find(request) : null;
            if (hit == null) {
                pending++;
            } else {
                dropping = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                respond(ctx, request, hit);
                return;
            }
        } else if (dropping && msg instanceof HttpContent content) {
            dropping = !(content instanceof LastHttpContent);
            content.release();
            ctx.read(); // Reactor Netty reads on demand: ask for the rest, or the next request
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        }
        if (msg instanceof LastHttpContent && !informational && pending > 0) {
            pending--;
        }
        ctx.write(msg, promise);
    }

    /** A plain HTTP/1.1 GET of a tile, without a body or a cross-origin question. */
    private static boolean answerable(HttpRequest request) {
        return request.decoderResult().isSuccess()
                && request.method() == HttpMethod.GET
                && request.protocolVersion() == HttpVersion.HTTP_1_1
                && request.uri().startsWith("/tiles/")
                && !request.headers().contains(HttpHeaderNames.ORIGIN)
                && !request.headers().contains(HttpHeaderNames.EXPECT)
                && !request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                && !HttpUtil.isTransferEncodingChunked(request);
    }

    private TileHits.Hit find(HttpRequest request) {
        return hits.find(
                request.uri(),
                request.headers().getAll(HttpHeaderNames.IF_NONE_MATCH),
                request.headers().getAll(HttpHeaderNames.ACCEPT_ENCODING));
    }

    private static void respond(ChannelHandlerContext ctx, HttpRequest request, TileHits.Hit hit) {
        byte[] body = hit.body();
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(hit.answer().status().value()),
                Unpooled.wrappedBuffer(body));
        for (Map.Entry<String, List<String>> h : hit.answer().headers().entrySet()) {
            response.headers().add(h.getKey(), h.getValue());
        }
        if (hit.answer().status() == org.springframework.http.HttpStatus.OK) {
            response.headers().setInt(org.springframework.http.HttpHeaders.CONTENT_LENGTH, body.length);
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        var written = ctx.writeAndFlush(response);
        if (keepAlive) {
            ctx.read(); // Reactor Netty reads on demand (auto-read off): ask for the next request
        } else {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
