package dev.hcgateway.loadtest.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One raw request on its own loopback socket and what came back: a status, a close without an answer, or
 * nothing within the read timeout (a hang). Raw sockets, so that an attack can send what no client library would.
 *
 * @param status the answer's status, 0 when there was none
 * @param hung   true when the server neither answered nor closed within the timeout
 */
record Exchange(int status, boolean hung) {

    /** Sends {@code raw} to {@code port} on 127.0.0.1 and reads the first answer's status line. */
    static Exchange send(int port, byte[] raw, int timeoutMs) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMs);
            socket.getOutputStream().write(raw);
            socket.getOutputStream().flush();
            return new Exchange(readStatus(socket.getInputStream()), false);
        } catch (SocketTimeoutException e) {
            return new Exchange(0, true);
        } catch (IOException e) {
            return new Exchange(0, false); // reset or closed: a refusal, not a hang
        }
    }

    /** Returns the status of the answer's first line, 0 when the connection closed before one came. */
    static int readStatus(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n' && line.size() < 200) {
            line.write(b);
        }
        String text = line.toString(StandardCharsets.US_ASCII);
        if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
            return 0;
        }
        return Integer.parseInt(text.substring(9, 12));
    }

    /** Tells whether this is a fault of the server's own: a 5xx other than a 503 that asks to retry. */
    boolean serverFault() {
        return status >= 500 && status != 503;
    }
}
