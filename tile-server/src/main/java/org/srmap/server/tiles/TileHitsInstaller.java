package org.srmap.server.tiles;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Puts a {@link TileHitHandler} right after the HTTP/1.1 codec of every connection the server
 * accepts. {@link TileHits} is looked up when the first connection comes, after the application
 * has started, so the web server does not start the database before its time.
 */
@Component
final class TileHitsInstaller implements NettyServerCustomizer {
    private final ObjectProvider<TileHits> hits;

    TileHitsInstaller(ObjectProvider<TileHits> hits) {
        this.hits = hits;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            TileHits h = hits.getIfAvailable();
            if (h != null && h.enabled() && channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "srmap.tileHits", new TileHitHandler(h));
            }
        });
    }
}
