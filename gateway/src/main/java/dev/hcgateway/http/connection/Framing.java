package dev.hcgateway.http.connection;

import dev.hcgateway.http.ApiError;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Refuses requests whose body framing is ambiguous: both {@code Content-Length} and {@code Transfer-Encoding}.
 * A proxy in front may frame such a request by the length and the gateway by the chunks, so the two disagree on
 * where the next request starts (request smuggling); RFC 9112 §6.1 lets a server refuse it, and it is safest to
 * close the connection after the 400.
 *
 * <p>Netty reads such a request as chunked and deletes {@code Content-Length} before Vert.x sees the request,
 * so the refusal needs the decoder to keep it: {@link #install} swaps Vert.x's request decoder for one that
 * does. This reaches into Vert.x internals (the pipeline's {@code httpDecoder}); FramingTest fails if a
 * Vert.x upgrade changes them.
 */
public final class Framing {

    public static final ApiError REFUSED = ApiError.badRequest("ambiguous_framing",
            "Send either Content-Length or Transfer-Encoding, not both.");
    private static final String DECODER = "httpDecoder";

    private Framing() {
    }

    /** Makes the connection's decoder keep {@code Content-Length} next to {@code Transfer-Encoding}. */
    public static void install(HttpConnection connection, HttpServerOptions options) {
        if (connection instanceof ConnectionBase base) {
            ChannelPipeline pipeline = base.channel().pipeline();
            if (pipeline.get(DECODER) instanceof VertxHttpRequestDecoder current && !(current instanceof Keeping)) {
                pipeline.replace(DECODER, DECODER, new Keeping(options));
            }
        }
    }

    /** Tells whether a request declares both a length and a transfer coding. */
    public static boolean ambiguous(HttpServerRequest request) {
        var headers = request.headers();
        return headers.contains(HttpHeaders.TRANSFER_ENCODING) && headers.contains(HttpHeaders.CONTENT_LENGTH);
    }

    /** Vert.x's decoder, except that it leaves {@code Content-Length} in place for {@link #ambiguous} to see. */
    private static final class Keeping extends VertxHttpRequestDecoder {
        Keeping(HttpServerOptions options) {
            super(options);
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
            // Keep both headers; the request is refused before its body is read.
        }
    }
}
