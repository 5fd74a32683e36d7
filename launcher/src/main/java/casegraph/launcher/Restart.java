package casegraph.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import sun.misc.Signal;

/**
 * A fresh launcher process after the JVM ran out of memory.
 *
 * <p>A query that asks for more heap than there is (a string doubled inside {@code reduce}, which
 * Neo4j's transaction memory limits do not count) ends with a clean error for its client, but the
 * same OutOfMemoryError can strike any other thread at that moment: Neo4j's job scheduler (which
 * enforces transaction timeouts) and the Browser server's timers have died of it before, leaving a
 * server that answers but no longer enforces its limits. No part of the JVM can be trusted after
 * that, so the launcher replaces itself: the JVM is started with
 * {@code -XX:OnOutOfMemoryError="kill -HUP %p"} (see graph/db/server.py), and on SIGHUP this
 * stops Neo4j (committed data is safe), starts the same command line again as a new process, writes
 * its pid into the pid file and exits. The new launcher waits until this one is gone, then starts as
 * usual (recovery included) and writes the ready file. The launcher runs in a session of its own, so
 * no terminal sends it a SIGHUP for another reason.
 */
final class Restart {

    /** Environment variable naming the launcher a new one replaces (it waits for it to exit). */
    static final String PREDECESSOR = "CASEGRAPH_LAUNCHER_REPLACES";
    /** Seconds Neo4j has to stop before the old process exits anyway. */
    static final int STOP_SECONDS = 60;

    private static final AtomicBoolean RESTARTING = new AtomicBoolean();

    /** Stops this launcher's services (Neo4j, the Browser server). */
    interface Stopper {
        void stop() throws Exception;
    }

    private Restart() {}

    /** A launcher started by {@link #restart}: wait until the one it replaces has exited. */
    static void awaitPredecessor(PrintStream out) {
        String pid = System.getenv(PREDECESSOR);
        if (pid == null || pid.isBlank()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS + 30);
        try {
            while (alive(pid.strip())) {
                if (System.nanoTime() - deadline > 0) {
                    out.println("casegraph-neo4j: the launcher " + pid + " this one replaces has not exited");
                    return;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * True while any thread of process {@code pid} runs. An exited process stays a zombie until its
     * parent reaps it (the Python process that started it may not have yet), but it holds no port
     * or file lock any more: a zombie whose other threads are gone counts as exited.
     */
    private static boolean alive(String pid) {
        String state = "";
        int threads = 1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("State:")) {
                    state = line.substring(6).strip();
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.substring(8).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return !((state.startsWith("Z") || state.startsWith("X")) && threads <= 1);
    }

    private static volatile Stopper stopper;
    private static volatile Path pidFile;
    private static volatile PrintStream out = System.out;

    /** On SIGHUP (sent by the JVM on its first OutOfMemoryError), replace this process. */
    static void install(Stopper services, Path pid, PrintStream log) {
        stopper = services;
        pidFile = pid;
        out = log;
        Signal.handle(new Signal("HUP"), signal -> trigger(
                "the JVM ran out of memory; restarting Neo4j in a new process so that none of its threads "
                        + "is left broken"));
    }

    /** Replace this process (once; later calls do nothing), saying why in the log. */
    static void trigger(String why) {
        trigger(why, STOP_SECONDS);
    }

    /**
     * As {@link #trigger(String)}, giving Neo4j {@code stopSeconds} to stop cleanly (a transaction
     * that ignores termination also holds up a clean stop; the next start recovers from the log).
     */
    static void trigger(String why, int stopSeconds) {
        if (stopper != null && RESTARTING.compareAndSet(false, true)) {
            new Thread(() -> restart(why, stopSeconds), "casegraph-restart").start();
        }
    }

    private static void restart(String why, int stopSeconds) {
        out.println("casegraph-neo4j: " + why);
        out.flush();
        Thread stopping = new Thread(() -> {
            try {
                stopper.stop();
            } catch (Throwable e) {
                out.println("casegraph-neo4j: stopping Neo4j failed: " + e);
            }
        }, "casegraph-oom-stop");
        stopping.start();
        try {
            stopping.join(TimeUnit.SECONDS.toMillis(stopSeconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int status = 0;
        try {
            ProcessBuilder builder = new ProcessBuilder(commandLine()).inheritIO();
            builder.environment().put(PREDECESSOR, Long.toString(ProcessHandle.current().pid()));
            Process next = builder.start();
            if (pidFile != null) {
                writePid(pidFile, next.pid());
            }
            out.println("casegraph-neo4j: the new launcher is pid " + next.pid());
        } catch (IOException | RuntimeException e) {
            out.println("casegraph-neo4j: cannot start a new launcher (" + e + "); stopping");
            status = 3;
        }
        out.flush();
        Runtime.getRuntime().halt(status);
    }

    /** This process's own command line, JVM options included (Linux: /proc/self/cmdline). */
    private static List<String> commandLine() throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (args.isEmpty()) {
            throw new IOException("empty /proc/self/cmdline");
        }
        return args;
    }

    private static void writePid(Path pidFile, long pid) throws IOException {
        Path tmp = pidFile.resolveSibling("." + pidFile.getFileName() + ".restart.tmp");
        Files.writeString(tmp, pid + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, pidFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, pidFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
