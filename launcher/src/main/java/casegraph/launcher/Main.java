package casegraph.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.server.configuration.ServerSettings;

/**
 * Runs a local Neo4j community DBMS embedded in this JVM for casegraph.
 *
 * <p>Bolt listens on 127.0.0.1 only, HTTP is off, authentication is on. The password of the
 * {@code neo4j} user is read from a file (never from argv) and set on every start, so the file is
 * the source of truth. When the server accepts connections a JSON "ready file" is written
 * atomically; it is removed again on a clean shutdown (SIGTERM / SIGINT).
 *
 * <p>Usage: {@code java -jar casegraph-neo4j-launcher.jar --home DIR --port N --password-file PATH
 * --ready-file PATH [--pagecache SIZE] [--tx-memory SIZE] [--tx-memory-total SIZE] [--import-dir DIR]
 * [--watch-pid PID] [--browser-port N] [--pid-file PATH] [--config FILE]}
 *
 * <p>Memory: {@code --tx-memory} bounds what one transaction may allocate ({@code db.memory.transaction.max})
 * and {@code --tx-memory-total} what all transactions together may ({@code dbms.memory.transaction.total.max}),
 * so a runaway query fails with Neo4j's MemoryPoolOutOfMemoryError instead of exhausting the heap.
 *
 * <p>{@code LOAD CSV} may read {@code file:} URLs only under {@code --import-dir}
 * ({@code server.directories.import}); without it, file URLs are refused altogether.
 *
 * <p>With {@code --watch-pid} the server stops cleanly by itself once that process is gone (test
 * sessions use it so that a killed test run does not leave a server behind).
 *
 * <p>With {@code --browser-port} Neo4j Browser is served on http://127.0.0.1:N/browser/ (see
 * {@link BrowserServer}); its address is in the ready file as {@code browser_url}.
 *
 * <p>TLS on Bolt: {@code --config FILE} (or, without it, {@code HOME/conf/neo4j.conf} if it exists)
 * holds {@code server.bolt.tls_level} and {@code dbms.ssl.policy.bolt.*} lines (see {@link ExtraConfig}).
 * With {@code server.bolt.tls_level=REQUIRED} the ready file's {@code bolt_uri} is {@code bolt+ssc://...}
 * (encrypted; the certificate is the server's own, on loopback).
 */
public final class Main {

    private static final String USAGE =
            "usage: java -jar casegraph-neo4j-launcher.jar --home DIR --port N "
                    + "--password-file PATH --ready-file PATH [--pagecache SIZE] [--tx-memory SIZE] "
                    + "[--tx-memory-total SIZE] [--import-dir DIR] [--watch-pid PID] [--browser-port N] [--pid-file PATH] "
                    + "[--config FILE]";
    private static final String HOST = "127.0.0.1";
    private static final int MIN_PASSWORD_LENGTH = 8;

    /** Set once the shutdown hook runs: a start interrupted by it is not an error to report. */
    private static volatile boolean stopping;

    /** The Neo4j Browser web server, when asked for. */
    private static volatile BrowserServer browser;

    private Main() {}

    /** Thrown for a problem the user can act on; its message is printed as one line. */
    private static final class LaunchError extends Exception {
        LaunchError(String message) {
            super(message);
        }
    }

    private record Options(Path home, int port, Path passwordFile, Path readyFile, long pagecache, long txMemory,
                           long txMemoryTotal, Path importDir, Long watchPid, Integer browserPort, Path pidFile,
                           ExtraConfig extra) {

        /** The scheme clients on this machine reach Bolt with. */
        String boltScheme() {
            return extra.tlsRequired ? "bolt+ssc" : "bolt";
        }
    }

    public static void main(String[] args) {
        // Neo4j's own output goes to HOME/logs/debug.log; our few lines go to stdout.
        PrintStream out = System.out;
        Options options;
        try {
            options = parse(args);
        } catch (LaunchError e) {
            fail(e.getMessage(), 2);
            return;
        }
        DatabaseManagementService dbms = null;
        try {
            Restart.awaitPredecessor(out);
            String password = readPassword(options.passwordFile());
            checkPortFree(options.port());
            if (options.browserPort() != null) {
                if (options.browserPort() == options.port()) {
                    throw new LaunchError("--browser-port must differ from --port");
                }
                if (!BrowserServer.available()) {
                    throw new LaunchError("Neo4j Browser (org.neo4j.client:neo4j-browser) is not on the classpath: "
                            + "rebuild the launcher");
                }
                checkPortFree(options.browserPort());
            }
            Files.createDirectories(options.home());
            Files.deleteIfExists(options.readyFile());

            Instant begun = Instant.now();
            out.println("casegraph-neo4j: starting Neo4j in " + options.home() + " (bolt " + HOST + ":" + options.port()
                    + (options.extra().settings.isEmpty() ? "" : ", " + options.extra().settings.size() + " TLS settings")
                    + ")");
            out.flush();
            dbms = build(options);
            out.println("casegraph-neo4j: DBMS up after " + Duration.between(begun, Instant.now()).toMillis() + " ms");
            out.flush();
            final DatabaseManagementService started = dbms;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(started, options.readyFile()), "casegraph-shutdown"));
            Restart.install(() -> {
                stopping = true;
                Files.deleteIfExists(options.readyFile());
                BrowserServer web = browser;
                if (web != null) {
                    web.stop();
                }
                started.shutdown();
            }, options.pidFile(), out);
            if (options.importDir() != null) {
                ImportGuard.start(options.importDir(), out);
            }

            GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            setPassword(system, password);
            password = null; // not needed any more
            out.println("casegraph-neo4j: password set after " + Duration.between(begun, Instant.now()).toMillis() + " ms");
            out.flush();
            String version = neo4jVersion(system);
            // Touch the default database so the first client does not wait for it.
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");

            String browserUrl = null;
            if (options.browserPort() != null) {
                try {
                    browser = BrowserServer.start(HOST, options.browserPort(), options.port(), version);
                } catch (IOException e) {
                    throw new LaunchError("cannot serve Neo4j Browser on " + HOST + ":" + options.browserPort()
                            + ": " + rootMessage(e));
                }
                browserUrl = "http://" + HOST + ":" + options.browserPort() + "/browser/?dbms="
                        + (options.extra().tlsRequired ? "bolt+s" : "bolt") + "://neo4j@" + HOST + ":" + options.port();
                out.println("casegraph-neo4j: Neo4j Browser at " + browserUrl);
            }
            Watchdog.start(dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME), out);
            writeReady(options, version, browserUrl);
            out.println("casegraph-neo4j: Neo4j " + version + " ready at " + options.boltScheme() + "://" + HOST + ":"
                    + options.port()
                    + " (pid " + ProcessHandle.current().pid() + ", "
                    + Duration.between(begun, Instant.now()).toMillis() + " ms)");
            out.flush();
            if (options.watchPid() != null) {
                watch(options.watchPid(), out);
            }
        } catch (LaunchError e) {
            stopQuietly(dbms);
            fail(e.getMessage(), 1);
            return;
        } catch (Throwable e) {
            if (stopping) {
                return; // told to stop while starting: the shutdown hook finishes the job
            }
            stopQuietly(dbms);
            fail("cannot start Neo4j: " + rootMessage(e), 1);
            return;
        }
        // Serve until the JVM is told to stop; the shutdown hook does the rest.
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Options parse(String[] args) throws LaunchError {
        Path home = null;
        Path passwordFile = null;
        Path readyFile = null;
        Integer port = null;
        Long watchPid = null;
        Integer browserPort = null;
        long pagecache = SettingValueParsers.BYTES.parse("512m");
        long txMemory = SettingValueParsers.BYTES.parse("256m");
        long txMemoryTotal = SettingValueParsers.BYTES.parse("512m");
        Path importDir = null;
        Path pidFile = null;
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                case "--home", "--port", "--password-file", "--ready-file", "--pagecache", "--watch-pid",
                        "--browser-port", "--tx-memory", "--tx-memory-total", "--import-dir", "--pid-file",
                        "--config" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new LaunchError(name + " needs a value; " + USAGE);
                        }
                        value = args[++i];
                    }
                }
                case "--password" -> throw new LaunchError(
                        "a password is never accepted on the command line: use --password-file");
                default -> throw new LaunchError("unknown argument " + quoteArg(name) + "; " + USAGE);
            }
            switch (name) {
                case "--home" -> home = Path.of(value).toAbsolutePath().normalize();
                case "--password-file" -> passwordFile = Path.of(value).toAbsolutePath().normalize();
                case "--ready-file" -> readyFile = Path.of(value).toAbsolutePath().normalize();
                case "--port" -> port = parsePort(name, value);
                case "--browser-port" -> browserPort = parsePort(name, value);
                case "--pagecache" -> pagecache = parseSize(name, value);
                case "--tx-memory" -> txMemory = parseSize(name, value);
                case "--tx-memory-total" -> txMemoryTotal = parseSize(name, value);
                case "--import-dir" -> importDir = Path.of(value).toAbsolutePath().normalize();
                case "--pid-file" -> pidFile = Path.of(value).toAbsolutePath().normalize();
                case "--config" -> configFile = Path.of(value).toAbsolutePath().normalize();
                case "--watch-pid" -> {
                    try {
                        watchPid = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new LaunchError("--watch-pid must be a process id, not " + quoteArg(value));
                    }
                }
                default -> throw new IllegalStateException(name);
            }
        }
        if (home == null || port == null || passwordFile == null || readyFile == null) {
            throw new LaunchError("--home, --port, --password-file and --ready-file are required; " + USAGE);
        }
        if (txMemory > txMemoryTotal) {
            throw new LaunchError("--tx-memory must not exceed --tx-memory-total");
        }
        ExtraConfig extra;
        try {
            extra = configFile != null
                    ? ExtraConfig.read(configFile, home, true)
                    : ExtraConfig.read(home.resolve("conf").resolve("neo4j.conf"), home, false);
        } catch (ExtraConfig.ConfigError e) {
            throw new LaunchError(e.getMessage());
        }
        return new Options(home, port, passwordFile, readyFile, pagecache, txMemory, txMemoryTotal, importDir,
                watchPid, browserPort, pidFile, extra);
    }

    private static long parseSize(String name, String value) throws LaunchError {
        try {
            return SettingValueParsers.BYTES.parse(value);
        } catch (RuntimeException e) {
            throw new LaunchError(name + " must be a size such as 512m, not " + quoteArg(value));
        }
    }

    private static int parsePort(String name, String value) throws LaunchError {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new LaunchError(name + " must be a number, not " + quoteArg(value));
        }
        if (port < 1 || port > 65535) {
            throw new LaunchError(name + " must be between 1 and 65535, not " + port);
        }
        return port;
    }

    /** Exit (running the shutdown hook) once process {@code pid} has gone. */
    private static void watch(long pid, PrintStream out) {
        Runnable stop = () -> {
            out.println("casegraph-neo4j: process " + pid + " that owns this server is gone; stopping");
            out.flush();
            System.exit(0);
        };
        ProcessHandle.of(pid).ifPresentOrElse(
                owner -> owner.onExit().thenRun(stop),
                () -> new Thread(stop, "casegraph-owner-gone").start());
    }

    private static String quoteArg(String s) {
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }

    private static String readPassword(Path file) throws LaunchError {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LaunchError("cannot read the password file " + file + ": " + e.getClass().getSimpleName());
        }
        String password = text.strip();
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new LaunchError("the password in " + file + " must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return password;
    }

    /** Fails early with a clear message; Neo4j's own bind error is buried in a stack of causes. */
    private static void checkPortFree(int port) throws LaunchError {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, port));
        } catch (IOException e) {
            throw new LaunchError("port " + port + " on " + HOST + " is already in use");
        }
    }

    private static DatabaseManagementService build(Options o) throws IOException {
        SocketAddress bolt = new SocketAddress(HOST, o.port());
        if (o.importDir() != null) {
            Files.createDirectories(o.importDir());
        }
        return new DatabaseManagementServiceBuilder(o.home())
                // Network: Bolt on loopback only, nothing else listening.
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Bolt waits 5 s twice by default when stopping; a dev server need not linger.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // What Neo4j Browser learns from dbms.clientConfig(): no usage data, no remote content.
                .setConfig(ServerSettings.allow_telemetry, false)
                .setConfig(ServerSettings.browser_remote_content_hostname_whitelist, "localhost")
                // A small developer server: bounded page cache, small transaction logs.
                .setConfig(GraphDatabaseSettings.pagecache_memory, o.pagecache())
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, SettingValueParsers.BYTES.parse("64m"))
                // Preallocated log files: a full disk is met when a new log file is made, not half-way
                // through writing a transaction into it (which can leave a log Neo4j cannot read back).
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, true)
                // A query may not take the server down: every transaction's memory is tracked and
                // bounded, alone and all together, well below the heap.
                .setConfig(GraphDatabaseSettings.memory_tracking, true)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, o.txMemory())
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, o.txMemoryTotal())
                // LOAD CSV reads files only from the import directory (or none at all): without
                // this, any query could read any file the server can (the password file included).
                .setConfig(GraphDatabaseSettings.allow_file_urls, o.importDir() != null)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, o.importDir())
                // TLS on Bolt, from --config (only settings that cannot open the server up).
                .setConfig(o.extra().settings)
                .build();
    }

    private static void setPassword(GraphDatabaseService system, String password) {
        Map<String, Object> params = Map.of("pw", password);
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", params);
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one it already has: then only clear the
            // change-required flag. Anything else (too short, ...) is a real failure.
            if (!String.valueOf(rootMessage(e)).contains("cannot be the same")) {
                throw e;
            }
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
        }
    }

    @SuppressWarnings("unchecked")
    private static String neo4jVersion(GraphDatabaseService system) {
        return system.executeTransactionally(
                "CALL dbms.components() YIELD name, versions",
                Map.of(),
                result -> {
                    String found = "unknown";
                    while (result.hasNext()) {
                        Map<String, Object> row = result.next();
                        List<String> versions = (List<String>) row.get("versions");
                        if ("Neo4j Kernel".equals(row.get("name")) && versions != null && !versions.isEmpty()) {
                            found = versions.get(0);
                        }
                    }
                    return found;
                });
    }

    private static void writeReady(Options o, String version, String browserUrl) throws IOException {
        String json = "{\"bolt_uri\": " + jsonString(o.boltScheme() + "://" + HOST + ":" + o.port())
                + ", \"pid\": " + ProcessHandle.current().pid()
                + ", \"neo4j_version\": " + jsonString(version)
                + (browserUrl == null ? "" : ", \"browser_url\": " + jsonString(browserUrl)) + "}\n";
        Path ready = o.readyFile();
        Path dir = ready.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ready.getFileName().toString() + ".", ".tmp");
        try {
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, ready, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static void shutdown(DatabaseManagementService dbms, Path readyFile) {
        stopping = true;
        try {
            Files.deleteIfExists(readyFile);
        } catch (IOException ignored) {
            // best effort: the Python side also removes it
        }
        System.out.println("casegraph-neo4j: shutting down");
        System.out.flush();
        BrowserServer web = browser;
        if (web != null) {
            web.stop();
        }
        try {
            dbms.shutdown();
            System.out.println("casegraph-neo4j: stopped");
        } catch (Throwable e) {
            System.out.println("casegraph-neo4j: shutdown failed: " + rootMessage(e));
        }
        System.out.flush();
    }

    private static void stopQuietly(DatabaseManagementService dbms) {
        if (dbms != null) {
            try {
                dbms.shutdown();
            } catch (Throwable ignored) {
                // already failing; report the first error
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            if (t.getCause() == null || t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        if (message == null) {
            message = e.getClass().getName();
        }
        return message.replaceAll("\\s+", " ").strip();
    }

    private static void fail(String message, int status) {
        System.err.println("casegraph-neo4j: " + message.replaceAll("\\s+", " ").strip());
        System.err.flush();
        // halt: a half-built DBMS may have left non-daemon threads behind.
        Runtime.getRuntime().halt(status);
    }
}
