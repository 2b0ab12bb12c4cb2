package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.ErrorMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.BiConsumer;

/**
 * Reads the JSON body of a judged request, streaming and bounded: a form body is refused 415 and a declared
 * length over the bound 413 before a byte is read, a body growing past it 413 as it arrives (each closing the
 * connection: the rest is not wanted). What the router's body handler did, without its per-request handlers.
 */
final class JsonBodyReader {

    private static final ApiError TOO_LARGE = ErrorMapper.map(null, 413);
    /** Bodies up to this are sized as declared; larger ones grow as bytes arrive (a slow one pins little). */
    static final int PRESIZE_LIMIT = 4096;

    private final Exchange exchange;
    private Buffer body;

    private JsonBodyReader(Exchange exchange) {
        this.exchange = exchange;
    }

    /** Reads the exchange's body of at most {@code maxBody} bytes; hands it to {@code complete} once it has ended. */
    static void read(Exchange exchange, int maxBody, BiConsumer<Exchange, Buffer> complete) {
        HttpServerRequest request = exchange.request;
        if (ErrorMapper.isForm(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            exchange.refuse(ErrorMapper.FORM_BODY, true);
            return;
        }
        long declared = declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared > maxBody) {
            exchange.refuse(TOO_LARGE, true); // before reading a byte of it
            return;
        }
        JsonBodyReader reader = new JsonBodyReader(exchange);
        // Not sized to the declared length: a client declaring 64 KiB and sending a byte a second would pin it
        // for the connection's life. Small bodies (every gate's) still get one allocation.
        reader.body = Buffer.buffer(declared > 0 && declared <= PRESIZE_LIMIT ? (int) declared : 1024);
        request.handler(chunk -> reader.chunk(chunk, maxBody));
        request.endHandler(v -> {
            Buffer whole = reader.body;
            reader.body = null;
            if (!exchange.over()) {
                complete.accept(exchange, whole);
            }
        });
        request.exceptionHandler(e -> {
            reader.body = null;
            exchange.clientGone();
        });
    }

    private void chunk(Buffer chunk, int maxBody) {
        if (body == null || exchange.over()) {
            body = null; // answered already (its deadline): released now, not when the connection closes
            return;
        }
        if (body.length() + chunk.length() > maxBody) {
            body = null;
            exchange.refuse(TOO_LARGE, true);
            return;
        }
        body.appendBuffer(chunk);
    }

    /** Returns the declared body length, -1 when none is declared, or past any limit when it is not a number. */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        if (header.isEmpty() || header.length() > 10) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(header);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
