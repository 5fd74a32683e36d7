package casegraph.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

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
 * <p>A client cannot hold the server: a request must arrive whole within {@link #REQUEST_SECONDS}
 * and its response be taken within {@link #RESPONSE_SECONDS} (the JDK server closes the connection
 * otherwise), and the workers are a bounded pool with a bounded queue; a connection beyond both is
 * closed at once rather than queued without end. The {@code sun.net.httpserver.maxReqTime} and
 * {@code sun.net.httpserver.maxRspTime} system properties override the two limits.
 */
final class BrowserServer {

    static final String RESOURCE_ROOT = "browser/";
    /** Seconds a client has to send its request line and headers. */
    static final int REQUEST_SECONDS = 5;
    /** Seconds a client has to take a response (the largest file is a few MB, over loopback). */
    static final int RESPONSE_SECONDS = 30;
    /**
     * Worker threads; each connection holds one while its request is read, so there are enough that
     * a few stalled clients leave room for everyone else (a queued connection's request time runs
     * while it waits). Idle workers end after a minute.
     */
    static final int WORKERS = 64;
    /** Connections waiting for a worker before new ones are closed. */
    static final int QUEUE = 64;
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

    private final HttpServer server;
    private final ExecutorService pool;
    private final Set<String> hosts;
    private final byte[] discovery;
    private final String policy;

    private BrowserServer(HttpServer server, ExecutorService pool, Set<String> hosts, byte[] discovery,
                          String policy) {
        this.server = server;
        this.pool = pool;
        this.hosts = hosts;
        this.discovery = discovery;
        this.policy = policy;
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
        // Read once, when the JDK server class is first used: set them before creating it.
        setDefault("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        setDefault("sun.net.httpserver.maxRspTime", Integer.toString(RESPONSE_SECONDS));
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 50);
        // Rejected work (pool and queue full) makes the JDK dispatcher close that connection.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "casegraph-browser-http");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        String json = "{\"bolt_direct\": " + Main.jsonString(boltUri)
                + ", \"bolt_routing\": " + Main.jsonString(boltUri.replaceFirst("^bolt://", "neo4j://"))
                + ", \"neo4j_version\": " + Main.jsonString(neo4jVersion)
                + ", \"neo4j_edition\": \"community\"}\n";
        BrowserServer browser = new BrowserServer(http, pool,
                Set.of(host + ":" + port, "localhost:" + port),
                json.getBytes(StandardCharsets.UTF_8), policy(host, boltPort));
        http.createContext("/", browser::handle);
        http.setExecutor(pool);
        http.start();
        return browser;
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers out = exchange.getResponseHeaders();
            out.set("X-Content-Type-Options", "nosniff");
            out.set("Referrer-Policy", "no-referrer");
            out.set("X-Frame-Options", "DENY");
            out.set("Content-Security-Policy", policy);
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                out.set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", bytes("method not allowed\n"), false);
                return;
            }
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
                send(exchange, 403, "text/plain; charset=utf-8", bytes("unknown host\n"), head);
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if ("/".equals(path)) {
                String accept = exchange.getRequestHeaders().getFirst("Accept");
                if (accept != null && accept.contains("application/json")) {
                    out.set("Cache-Control", "no-store");
                    send(exchange, 200, "application/json; charset=utf-8", discovery, head);
                } else {
                    redirect(exchange, "/browser/");
                }
                return;
            }
            if ("/browser".equals(path)) {
                redirect(exchange, "/browser/");
                return;
            }
            if (!path.startsWith("/browser/")) {
                notFound(exchange, head);
                return;
            }
            String rest = path.substring("/browser/".length());
            if (rest.isEmpty() || rest.endsWith("/")) {
                rest = rest + "index.html";
            }
            if (!SAFE_PATH.matcher(rest).matches() || rest.contains("..") || rest.contains("//")
                    || rest.startsWith("/")) {
                notFound(exchange, head);
                return;
            }
            byte[] body;
            try (InputStream in = BrowserServer.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + rest)) {
                if (in == null) {
                    notFound(exchange, head);
                    return;
                }
                body = in.readAllBytes();
            }
            String ext = rest.contains(".") ? rest.substring(rest.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            out.set("Cache-Control", rest.endsWith("index.html") ? "no-cache" : "max-age=3600");
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body, head);
        }
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().set("Location", to);
        send(exchange, 302, "text/plain; charset=utf-8", bytes("see " + to + "\n"), false);
    }

    private static void notFound(HttpExchange exchange, boolean head) throws IOException {
        send(exchange, 404, "text/plain; charset=utf-8", bytes("not found\n"), head);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
