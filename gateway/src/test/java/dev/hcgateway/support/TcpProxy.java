package dev.hcgateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy a test can cut: forwards a local port to a target; {@link #cut} closes every connection and
 * refuses new ones (the store is down, as a gateway sees it), {@link #restore} lets connections through again.
 */
public final class TcpProxy implements AutoCloseable {

    private final Vertx vertx;
    private final NetServer server;
    private final NetClient client;
    private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    /** Starts a proxy, on a Vert.x of its own, on a free port to {@code host:port}. */
    public TcpProxy(String host, int port) throws Exception {
        this.vertx = Vertx.vertx();
        this.client = vertx.createNetClient();
        this.server = vertx.createNetServer().connectHandler(in -> {
            if (cut) {
                in.close();
                return;
            }
            in.pause();
            sockets.add(in);
            client.connect(port, host).onComplete(ar -> {
                if (ar.failed() || cut) {
                    in.close();
                    return;
                }
                NetSocket out = ar.result();
                sockets.add(out);
                in.handler(out::write).closeHandler(v -> out.close());
                out.handler(in::write).closeHandler(v -> in.close());
                in.resume();
            });
        });
        server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    /** Returns the proxy's port. */
    public int port() {
        return server.actualPort();
    }

    /** Closes every connection through the proxy and refuses new ones. */
    public void cut() {
        cut = true;
        sockets.forEach(NetSocket::close);
        sockets.clear();
    }

    /** Lets connections through again. */
    public void restore() {
        cut = false;
    }

    @Override
    public void close() throws Exception {
        cut();
        server.close().await(10, TimeUnit.SECONDS);
        client.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
