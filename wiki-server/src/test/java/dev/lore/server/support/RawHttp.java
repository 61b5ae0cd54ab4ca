package dev.lore.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A hand-driven HTTP/1.1 request over a plain socket, for what a normal client cannot do: send the
 * headers and part of a body, then stall, trickle, or hang up. Reading the answer blocks until the
 * server answers or closes; the socket's read timeout is only a safety net.
 */
public final class RawHttp implements AutoCloseable {
    private static final int SAFETY_NET_MILLIS = 120_000;
    private final Socket socket;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Opens a connection and sends a request's headers, announcing {@code contentLength} bytes of body. */
    public static RawHttp begin(
            URI base, String method, String path, String contentType, long contentLength, String... headers)
            throws IOException {
        var socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(SAFETY_NET_MILLIS);
        var raw = new RawHttp(socket);
        var head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(base.getHost())
                .append(':')
                .append(base.getPort())
                .append("\r\n")
                .append("Content-Type: ")
                .append(contentType)
                .append("\r\n")
                .append("Content-Length: ")
                .append(contentLength)
                .append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        raw.send(head.toString());
        return raw;
    }

    public RawHttp send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** Says "no more bytes" (a half close): the server sees the body end early, and can still answer. */
    public RawHttp hangUp() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /** The status line's code, or empty when the server closed the connection without answering. */
    public Optional<Integer> status() throws IOException {
        String answer = answer();
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        if (!answer.startsWith("HTTP/1.1 ")) {
            throw new AssertionError("not an HTTP answer: " + answer);
        }
        return Optional.of(Integer.parseInt(answer.substring(9, 12)));
    }

    private String answer;

    /** Everything the server sent until it closed the connection (or the answer's declared end). */
    public synchronized String answer() throws IOException {
        if (answer == null) {
            var bytes = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes.write(buffer, 0, n);
                    if (complete(bytes.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketException e) {
                // reset by the server: what arrived before counts
            }
            answer = bytes.toString(StandardCharsets.UTF_8);
        }
        return answer;
    }

    /** Whether the headers and a Content-Length body have fully arrived. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        var m = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(text.substring(0, end));
        return m.find() && text.length() - end - 4 >= Integer.parseInt(m.group(1));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
