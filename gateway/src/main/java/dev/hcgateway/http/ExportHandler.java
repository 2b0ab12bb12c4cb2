package dev.hcgateway.http;

import dev.hcgateway.revocation.MirrorState;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /admin/v1/revocations/export}: this gateway's revocation mirror (every code id and subject it
 * holds, its generation and stream position) as JSON lines, the file {@code store restore --from} re-seeds a
 * flushed Redis from. Written on a worker, 256 KiB at a time, each chunk waited for (a slow reader holds one chunk,
 * not the whole set); a failure mid-way cuts the connection, so the reader sees an error, never a short file.
 */
final class ExportHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ExportHandler.class);
    private static final ApiError NOT_LOADED = ApiError.unavailable("mirror_not_loaded",
            "This gateway holds no revocation mirror yet; export from another gateway.", 5);

    private final ApiServices services;

    ExportHandler(ApiServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (services.revocations().state().freshness() == MirrorState.Freshness.UNLOADED) {
            throw NOT_LOADED.exception();
        }
        HttpServerResponse response = ctx.response().setChunked(true)
                .putHeader("Content-Type", "application/x-ndjson").putHeader("Cache-Control", "no-store");
        ctx.vertx().executeBlocking(() -> {
            try (OutputStream out = new ChunkStream(response)) {
                services.revocations().export(out);
            }
            return null;
        }, false).onComplete(ar -> {
            AuditLog.exported(ctx.request().path(), ar.succeeded());
            if (ar.succeeded()) {
                response.end();
            } else {
                LOG.warn("revocation export cut short: {}", ErrorMapper.redacted(ar.cause()).getMessage());
                ctx.request().connection().close();
            }
        });
    }

    /** Writes to the response in chunks, waiting for each to be written: back-pressure for a worker thread. */
    private static final class ChunkStream extends OutputStream {
        private final HttpServerResponse response;
        private final byte[] chunk = new byte[256 * 1024];
        private int filled;

        ChunkStream(HttpServerResponse response) {
            this.response = response;
        }

        @Override
        public void write(int b) throws IOException {
            if (filled == chunk.length) {
                flush();
            }
            chunk[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == chunk.length) {
                    flush();
                }
                int n = Math.min(len, chunk.length - filled);
                System.arraycopy(b, off, chunk, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            if (filled == 0) {
                return;
            }
            Buffer buffer = Buffer.buffer(filled).appendBytes(chunk, 0, filled);
            filled = 0;
            try {
                response.write(buffer).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("the reader did not take the export within 30 s or went away", e);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
