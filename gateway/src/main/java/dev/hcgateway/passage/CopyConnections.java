package dev.hcgateway.passage;

import dev.hcgateway.config.PassagesConfig;
import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.postgresql.Driver;

/**
 * The shipper's JDBC connections (pgjdbc, for its COPY), bounded like the pool: at most one per batch in flight,
 * opened on first use, each with the same connect timeout, socket timeout and {@code statement_timeout} as the
 * pool's {@code passages.timeoutMs}, and the same {@code application_name}. Blocking: only worker threads call it.
 */
final class CopyConnections implements AutoCloseable {

    private final String url;
    private final Properties properties = new Properties();
    private final BlockingQueue<Connection> idle;
    private volatile boolean closed;

    CopyConnections(PassagesConfig config, int size) {
        PgConnectOptions options = PassageStore.connectOptions(config);
        this.url = "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
        int seconds = Math.max(1, (config.timeoutMs() + 999) / 1000);
        properties.setProperty("user", options.getUser());
        if (options.getPassword() != null) {
            properties.setProperty("password", options.getPassword());
        }
        properties.setProperty("sslmode", options.getSslMode().value);
        properties.setProperty("ApplicationName", "hc-gateway");
        properties.setProperty("connectTimeout", String.valueOf(seconds));
        properties.setProperty("socketTimeout", String.valueOf(seconds * 2)); // past statement_timeout: the server ends first
        properties.setProperty("options", "-c statement_timeout=" + config.timeoutMs());
        properties.setProperty("tcpKeepAlive", "true");
        // A server error's detail can quote a row ("Failing row contains ..."): keep it out of messages and logs.
        properties.setProperty("logServerErrorDetail", "false");
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /** Returns an idle connection, or opens one. */
    Connection take() throws SQLException {
        Connection c = idle.poll();
        if (c != null) {
            return c;
        }
        // DriverManager would scan every driver on the class path; the one wanted is known.
        Connection opened = new Driver().connect(url, properties);
        if (opened == null) {
            throw new SQLException("pgjdbc refused the URL " + url);
        }
        opened.setAutoCommit(false);
        return opened;
    }

    /** Gives a healthy connection back; after {@link #close}, or with a full queue, closes it. */
    void give(Connection c) {
        if (closed || !idle.offer(c)) {
            discard(c);
        }
    }

    /** Closes a connection whose state is unknown (a failed write), so the next batch starts clean. */
    void discard(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing a broken connection: nothing more to do
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) {
            discard(c);
        }
    }
}
