package casegraph.launcher;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Restarts the launcher when a transaction that Neo4j has ended (its timeout passed, or
 * {@code TERMINATE TRANSACTIONS}) keeps running anyway.
 *
 * <p>Neo4j ends a transaction by marking it terminated; the query notices the mark only between
 * rows. A single expression that runs for hours (a string grown a character at a time inside one
 * {@code reduce}) never looks, so it would hold a CPU until the server stops. Every
 * {@link #PERIOD_SECONDS} this lists the transactions; one still there {@link #GRACE_SECONDS} after
 * it was first seen terminated makes the launcher replace itself (see {@link Restart}): committed
 * data is safe, and the clients of other transactions get an error they can retry.
 */
final class Watchdog {

    static final int PERIOD_SECONDS = 5;
    /** Time a terminated transaction has to roll back and go (a large rollback takes a while). */
    static final int GRACE_SECONDS = 60;

    private Watchdog() {}

    static void start(GraphDatabaseService db, PrintStream out) {
        Thread thread = new Thread(() -> loop(db, out), "casegraph-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private static void loop(GraphDatabaseService db, PrintStream out) {
        Map<String, Long> terminatedSince = new HashMap<>();
        while (true) {
            try {
                TimeUnit.SECONDS.sleep(PERIOD_SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            Set<String> terminated = new HashSet<>();
            try {
                db.executeTransactionally("SHOW TRANSACTIONS YIELD transactionId, status", Map.of(), result -> {
                    while (result.hasNext()) {
                        Map<String, Object> row = result.next();
                        if (String.valueOf(row.get("status")).startsWith("Terminated")) {
                            terminated.add(String.valueOf(row.get("transactionId")));
                        }
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                continue; // stopping, or the database is unavailable: nothing to judge
            }
            long now = System.nanoTime();
            terminatedSince.keySet().retainAll(terminated);
            for (String id : terminated) {
                long since = terminatedSince.computeIfAbsent(id, k -> now);
                if (now - since > TimeUnit.SECONDS.toNanos(GRACE_SECONDS)) {
                    Restart.trigger("transaction " + id + " was ended more than " + GRACE_SECONDS
                            + " s ago but still runs (an expression Neo4j cannot interrupt); restarting Neo4j "
                            + "in a new process", 15);
                    return;
                }
            }
        }
    }
}
