package dev.hcgateway.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare HTTP/1.1 connection, for tests that must control sockets exactly (limits, keep-alive, closing). */
final class RawHttp implements AutoCloseable {

    final Socket socket;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
    }

    /** Connects from another loopback address ({@code 127.0.0.2}...), to act as a different client. */
    RawHttp(int port, String fromAddress) throws IOException {
        socket = new Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
                java.net.InetAddress.getByName(fromAddress), 0);
        socket.setSoTimeout(5000);
    }

    /** Writes raw text (a partial head, a body byte...) as it is. */
    void send(String raw) throws IOException {
        socket.getOutputStream().write(raw.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Sends a keep-alive GET and returns the whole response head and body as text. */
    String get(String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return readResponse();
    }

    /** Sends a keep-alive POST of a JSON body and returns the response. */
    String post(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        return readResponse();
    }

    /** Reads one response: the head, then a body of Content-Length bytes. */
    String readResponse() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes");
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Tells whether the server closed the connection (end of stream within the read timeout). */
    boolean closedByServer() throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Many gates' connections to one server, each reading with a long timeout, closed together. */
    static final class Fleet implements AutoCloseable, Iterable<RawHttp> {
        private final java.util.List<RawHttp> gates = new java.util.ArrayList<>();

        /** Connects one more gate. */
        RawHttp connect(int port) throws IOException {
            RawHttp gate = new RawHttp(port);
            gate.socket.setSoTimeout(60_000); // a loaded machine answers hundreds of gates slowly
            gates.add(gate);
            return gate;
        }

        RawHttp get(int i) {
            return gates.get(i);
        }

        @Override
        public java.util.Iterator<RawHttp> iterator() {
            return gates.iterator();
        }

        @Override
        public void close() throws IOException {
            for (RawHttp gate : gates) {
                gate.close();
            }
        }
    }
}
