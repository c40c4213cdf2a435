package io.caravan.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection of the load generator: writes a prepared request, reads the status
 * and skips the body (plain or chunked). Lean on purpose, so that the generator does not eat the CPU the
 * server is measured on.
 */
final class LoadConnection implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    LoadConnection(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    /** A complete POST request, headers and body, as bytes. */
    static byte[] post(String host, String path, String key, String contentType, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + key + "\r\nContent-Type: "
                + contentType + "\r\nContent-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + b.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(b, 0, all, head.length, b.length);
        return all;
    }

    /** Sends a request and returns the response status once the whole response is read. */
    int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String h;
        while (!(h = line()).isEmpty()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(h.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && h.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && h.toLowerCase(Locale.ROOT).contains("close")) {
                close = true; // the server ends keep-alive connections after so many requests
            }
        }
        if (chunked) {
            long size;
            while ((size = Long.parseLong(line().trim().split(";")[0], 16)) > 0) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        if (close) {
            socket.close();
            connect();
        }
        return code;
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed");
                }
                s = 1;
            }
            n -= s;
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int l = sb.length();
                return l > 0 && sb.charAt(l - 1) == '\r' ? sb.substring(0, l - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        throw new IOException("connection closed");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
