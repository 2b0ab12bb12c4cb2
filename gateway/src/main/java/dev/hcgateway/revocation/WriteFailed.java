package dev.hcgateway.revocation;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import java.util.concurrent.CompletionException;

/** Fails a write's future with its {@link WriteFault}, so that callers answer by the fault, not by a message. */
public final class WriteFailed extends RuntimeException {

    private final transient WriteFault fault;

    /** Wraps a fault. */
    public WriteFailed(WriteFault fault) {
        super(fault.why(), null, false, false);
        this.fault = fault;
    }

    /** Returns the fault. */
    public WriteFault fault() {
        return fault;
    }

    /**
     * Classifies a failed Redis write. Only a command refused before it was sent (disconnected, queue full) is
     * certainly not applied; a timeout or a connection lost with the command in flight may have run, or may
     * still run, in Redis.
     */
    static WriteFailed classify(Throwable err) {
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        if (cause instanceof WriteFailed w) {
            return w;
        }
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof RedisCommandExecutionException && message.startsWith(RevocationWriter.NO_MARKER)) {
            return new WriteFailed(new WriteFault.NotInitialised("the revocation store in Redis has no marker key"
                    + " (flushed, restored empty or never initialised)"));
        }
        if (cause instanceof RedisCommandTimeoutException) {
            return new WriteFailed(new WriteFault.OutcomeUnknown("Redis did not answer in time"));
        }
        if (message.contains("not connected") || message.contains("Request queue size exceeded")) {
            return new WriteFailed(new WriteFault.NotStored("Redis is unreachable"));
        }
        if (cause instanceof RedisCommandExecutionException) {
            return new WriteFailed(new WriteFault.NotStored("Redis refused the change: " + firstWord(message)));
        }
        return new WriteFailed(new WriteFault.OutcomeUnknown("the connection to Redis failed during the write"));
    }

    private static String firstWord(String message) {
        int space = message.indexOf(' ');
        return space < 0 ? message : message.substring(0, space);
    }
}
