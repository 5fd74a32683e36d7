package casegraph.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Serves Neo4j Browser (the static web app of the {@code org.neo4j.client:neo4j-browser} jar on the
 * classpath) on 127.0.0.1, the way Neo4j's own HTTP server does: {@code /browser/} is the app and
 * {@code /} answers the app's discovery request with the Bolt address. The app talks to the database
 * over Bolt (WebSocket on the Bolt port), so this server only hands out files.
 *
 * <p>Only GET and HEAD; only the Host names {@code 127.0.0.1} and {@code localhost} with this port
 * (a page on another site cannot reach it through DNS rebinding); no directory listings; a path that
 * tries to leave {@code browser/} is a 404.
 *
 * <p>A client cannot hold the server. One thread serves every connection with non-blocking sockets,
 * so a connection that sends its request slowly costs a socket and a small buffer, not a worker. A
 * request's line and headers must arrive whole within {@link #REQUEST_SECONDS} (also the idle time
 * allowed between requests on a kept-alive connection) and its response be taken within
 * {@link #RESPONSE_SECONDS}; at most {@link #MAX_CONNECTIONS} connections are open, and a new one
 * beyond that closes the oldest (connections still sending their request first). Every client is on
 * 127.0.0.1, so a limit per address would limit the user together with the attacker: instead, an
 * attacker re-opening half-open requests in a loop only ever evicts its own older connections,
 * while a real request, sent whole in one go, is answered within milliseconds of arriving.
 */
final class BrowserServer {

    static final String RESOURCE_ROOT = "browser/";
    /** Seconds a client has to send its request line and headers (and may stay idle between requests). */
    static final int REQUEST_SECONDS = 5;
    /** Seconds a client has to take a response (the largest file is a few MB, over loopback). */
    static final int RESPONSE_SECONDS = 30;
    /** Open connections at most; one more closes the oldest. */
    static final int MAX_CONNECTIONS = 256;
    /** Bytes of request line and headers at most. */
    static final int MAX_HEAD = 16 * 1024;
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._/-]*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            Map.entry("wasm", "application/wasm"));
    private static final Map<Integer, String> REASONS = Map.of(
            200, "OK", 302, "Found", 400, "Bad Request", 403, "Forbidden", 404, "Not Found",
            405, "Method Not Allowed", 431, "Request Header Fields Too Large", 500, "Internal Server Error");
    private static final byte[] MISSING = new byte[0];

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final Set<String> hosts;
    private final byte[] discovery;
    private final String policy;
    /** Open connections, oldest first. */
    private final LinkedHashMap<SocketChannel, Conn> conns = new LinkedHashMap<>();
    /** Files of the app, read once from the jar (MISSING for a name that is not there). */
    private final Map<String, byte[]> files = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** One client connection: what it sent so far, what it still has to take, and until when. */
    private static final class Conn {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(MAX_HEAD);
        ByteBuffer[] out;
        boolean keepAlive;
        long deadline;

        Conn(SocketChannel channel, long deadline) {
            this.channel = channel;
            this.deadline = deadline;
        }

        boolean writing() {
            return out != null;
        }
    }

    /** A response: status, headers, body, and whether to send the body (not for HEAD). */
    private record Response(int status, Map<String, String> headers, byte[] body, boolean head) {}

    private BrowserServer(Selector selector, ServerSocketChannel listener, Set<String> hosts, byte[] discovery,
                          String policy) {
        this.selector = selector;
        this.listener = listener;
        this.hosts = hosts;
        this.discovery = discovery;
        this.policy = policy;
        this.thread = new Thread(this::serve, "casegraph-browser-http");
        this.thread.setDaemon(true);
    }

    /**
     * The Content-Security-Policy of every response: the app may load only its own files and talk
     * only to this server and the local Bolt port. The Browser bundle asks for web fonts from
     * Google and offers guides, sync and update checks from neo4j.com; the policy stops the page
     * from reaching out, so opening it tells no one on the internet that it was opened.
     */
    static String policy(String host, int boltPort) {
        String bolt = host + ":" + boltPort;
        return "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; "
                + "connect-src 'self' ws://" + bolt + " http://" + bolt + " ws://localhost:" + boltPort + "; "
                + "frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** True if the Neo4j Browser jar is on the classpath. */
    static boolean available() {
        return BrowserServer.class.getClassLoader().getResource(RESOURCE_ROOT + "index.html") != null;
    }

    static BrowserServer start(String host, int port, int boltPort, String neo4jVersion) throws IOException {
        String boltUri = "bolt://" + host + ":" + boltPort;
        Selector selector = Selector.open();
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(host, port), 128);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            listener.close();
            selector.close();
            throw e;
        }
        String json = "{\"bolt_direct\": " + Main.jsonString(boltUri)
                + ", \"bolt_routing\": " + Main.jsonString(boltUri.replaceFirst("^bolt://", "neo4j://"))
                + ", \"neo4j_version\": " + Main.jsonString(neo4jVersion)
                + ", \"neo4j_edition\": \"community\"}\n";
        BrowserServer browser = new BrowserServer(selector, listener,
                Set.of(host + ":" + port, "localhost:" + port),
                json.getBytes(StandardCharsets.UTF_8), policy(host, boltPort));
        browser.thread.start();
        return browser;
    }

    void stop() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ the event loop

    private void serve() {
        try {
            while (running) {
                selector.select(250);
                long now = System.nanoTime();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    try {
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isAcceptable()) {
                            accept(now);
                        } else if (key.isReadable()) {
                            read((Conn) key.attachment(), now);
                        } else if (key.isWritable()) {
                            write((Conn) key.attachment(), now);
                        }
                    } catch (IOException | RuntimeException e) {
                        if (key.attachment() instanceof Conn conn) {
                            close(conn);
                        }
                    }
                }
                expire(now);
            }
        } catch (IOException | ClosedSelectorException e) {
            System.out.println("casegraph-neo4j: Neo4j Browser server stopped: " + e);
        } finally {
            for (Conn conn : new ArrayList<>(conns.values())) {
                close(conn);
            }
            try {
                listener.close();
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static long deadline(long now, int seconds) {
        return now + seconds * 1_000_000_000L;
    }

    private void accept(long now) throws IOException {
        SocketChannel channel;
        while ((channel = listener.accept()) != null) {
            if (conns.size() >= MAX_CONNECTIONS) {
                evictOne();
            }
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Conn conn = new Conn(channel, deadline(now, REQUEST_SECONDS));
            channel.register(selector, SelectionKey.OP_READ, conn);
            conns.put(channel, conn);
        }
    }

    /** Close the oldest connection still sending its request, or else the oldest one. */
    private void evictOne() {
        Conn victim = null;
        for (Conn conn : conns.values()) {
            if (!conn.writing()) {
                victim = conn;
                break;
            }
        }
        if (victim == null && !conns.isEmpty()) {
            victim = conns.values().iterator().next();
        }
        if (victim != null) {
            close(victim);
        }
    }

    private void expire(long now) {
        List<Conn> late = new ArrayList<>();
        for (Conn conn : conns.values()) {
            if (now - conn.deadline > 0) {
                late.add(conn);
            }
        }
        late.forEach(this::close);
    }

    private void close(Conn conn) {
        conns.remove(conn.channel);
        try {
            conn.channel.close();
        } catch (IOException ignored) {
            // gone anyway
        }
    }

    private void read(Conn conn, long now) throws IOException {
        int n = conn.channel.read(conn.in);
        if (n < 0) {
            close(conn);
            return;
        }
        handleBuffered(conn, now);
    }

    /** Answer the request in the input buffer once its head is complete. */
    private void handleBuffered(Conn conn, long now) throws IOException {
        int end = headEnd(conn.in);
        if (end < 0) {
            if (!conn.in.hasRemaining()) {
                respond(conn, plain(431, "request headers too large\n", false), false, now);
            }
            return;
        }
        String head = new String(conn.in.array(), 0, end, StandardCharsets.ISO_8859_1);
        // Keep what follows the head (a pipelined request) for later.
        ByteBuffer rest = conn.in.duplicate().flip().position(end + 4);
        ByteBuffer leftover = ByteBuffer.allocate(rest.remaining()).put(rest).flip();
        conn.in.clear();
        conn.in.put(leftover);
        Request request = Request.parse(head);
        if (request == null) {
            respond(conn, plain(400, "bad request\n", false), false, now);
            return;
        }
        Response response = handle(request);
        boolean keep = request.keepAlive() && request.bodyless() && response.status() < 400;
        respond(conn, response, keep, now);
    }

    private static int headEnd(ByteBuffer in) {
        byte[] a = in.array();
        for (int i = 3; i < in.position(); i++) {
            if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                return i - 3;
            }
        }
        return -1;
    }

    private void respond(Conn conn, Response r, boolean keepAlive, long now) throws IOException {
        StringBuilder b = new StringBuilder(512);
        b.append("HTTP/1.1 ").append(r.status()).append(' ').append(REASONS.getOrDefault(r.status(), "Error"))
                .append("\r\n");
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            b.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        b.append("Content-Length: ").append(r.body().length).append("\r\n");
        b.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
        ByteBuffer headBytes = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.ISO_8859_1));
        conn.out = r.head() ? new ByteBuffer[] {headBytes} : new ByteBuffer[] {headBytes, ByteBuffer.wrap(r.body())};
        conn.keepAlive = keepAlive;
        conn.deadline = deadline(now, RESPONSE_SECONDS);
        conn.channel.keyFor(selector).interestOps(SelectionKey.OP_WRITE);
        write(conn, now);
    }

    private void write(Conn conn, long now) throws IOException {
        conn.channel.write(conn.out);
        if (conn.out[conn.out.length - 1].hasRemaining()) {
            return; // the socket is full: wait until the client takes more
        }
        conn.out = null;
        if (!conn.keepAlive) {
            close(conn);
            return;
        }
        conn.deadline = deadline(now, REQUEST_SECONDS);
        conn.channel.keyFor(selector).interestOps(SelectionKey.OP_READ);
        // The renewed deadline counts as progress: move it to the young end of the eviction order.
        conns.remove(conn.channel);
        conns.put(conn.channel, conn);
        if (conn.in.position() > 0) {
            handleBuffered(conn, now);
        }
    }

    // ------------------------------------------------------------------ requests

    /** A parsed request head: method, target path, header fields (lower-case names). */
    private record Request(String method, String rawPath, String version, Map<String, String> fields) {

        static Request parse(String head) {
            String[] lines = head.split("\r\n", -1);
            String[] first = lines[0].split(" ", -1);
            if (first.length != 3 || !first[2].startsWith("HTTP/1.") || first[0].isEmpty()) {
                return null;
            }
            String path;
            try {
                path = new URI(first[1]).getRawPath();
            } catch (URISyntaxException e) {
                return null;
            }
            if (path == null) {
                return null;
            }
            Map<String, String> fields = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0) {
                    return null;
                }
                fields.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Request(first[0], path, first[2], fields);
        }

        boolean keepAlive() {
            String connection = fields.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
            return "HTTP/1.1".equals(version) && !connection.contains("close");
        }

        /** No request body follows (the only kind this server reads). */
        boolean bodyless() {
            String length = fields.get("content-length");
            return fields.get("transfer-encoding") == null && (length == null || "0".equals(length.strip()));
        }
    }

    private Response handle(Request request) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("X-Content-Type-Options", "nosniff");
        out.put("Referrer-Policy", "no-referrer");
        out.put("X-Frame-Options", "DENY");
        out.put("Content-Security-Policy", policy);
        boolean head = "HEAD".equals(request.method());
        if (!head && !"GET".equals(request.method())) {
            out.put("Allow", "GET, HEAD");
            return response(405, out, "text/plain; charset=utf-8", bytes("method not allowed\n"), false);
        }
        String host = request.fields().get("host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return response(403, out, "text/plain; charset=utf-8", bytes("unknown host\n"), head);
        }
        String path = request.rawPath();
        if ("/".equals(path)) {
            String accept = request.fields().get("accept");
            if (accept != null && accept.contains("application/json")) {
                out.put("Cache-Control", "no-store");
                return response(200, out, "application/json; charset=utf-8", discovery, head);
            }
            return redirect(out, "/browser/");
        }
        if ("/browser".equals(path)) {
            return redirect(out, "/browser/");
        }
        if (!path.startsWith("/browser/")) {
            return notFound(out, head);
        }
        String rest = path.substring("/browser/".length());
        if (rest.isEmpty() || rest.endsWith("/")) {
            rest = rest + "index.html";
        }
        if (!SAFE_PATH.matcher(rest).matches() || rest.contains("..") || rest.contains("//")
                || rest.startsWith("/")) {
            return notFound(out, head);
        }
        byte[] body = file(rest);
        if (body == MISSING) {
            return notFound(out, head);
        }
        String ext = rest.contains(".") ? rest.substring(rest.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        out.put("Cache-Control", rest.endsWith("index.html") ? "no-cache" : "max-age=3600");
        return response(200, out, TYPES.getOrDefault(ext, "application/octet-stream"), body, head);
    }

    /** A file of the app, read from the jar once (the names asked for are checked by SAFE_PATH). */
    private byte[] file(String name) {
        byte[] cached = files.get(name);
        if (cached != null) {
            return cached;
        }
        byte[] body = MISSING;
        try (InputStream in = BrowserServer.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + name)) {
            if (in != null) {
                body = in.readAllBytes();
            }
        } catch (IOException e) {
            body = MISSING;
        }
        if (files.size() < 4096) {
            files.put(name, body);
        }
        return body;
    }

    private static Response response(int status, Map<String, String> headers, String type, byte[] body,
                                     boolean head) {
        headers.put("Content-Type", type);
        return new Response(status, headers, body, head);
    }

    private static Response plain(int status, String text, boolean head) {
        return response(status, new LinkedHashMap<>(), "text/plain; charset=utf-8", bytes(text), head);
    }

    private static Response redirect(Map<String, String> headers, String to) {
        headers.put("Location", to);
        return response(302, headers, "text/plain; charset=utf-8", bytes("see " + to + "\n"), false);
    }

    private static Response notFound(Map<String, String> headers, boolean head) {
        return response(404, headers, "text/plain; charset=utf-8", bytes("not found\n"), head);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
