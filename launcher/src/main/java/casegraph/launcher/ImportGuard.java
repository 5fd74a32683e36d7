package casegraph.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

/**
 * Keeps {@code LOAD CSV} inside the import directory.
 *
 * <p>Neo4j checks a {@code file:} URL against {@code server.directories.import} by its text only and
 * then opens the path, following symbolic links: a link in the import directory would let a query
 * read the password file or {@code /etc/passwd}. So this guard removes, at start and as soon as they
 * appear (a file watcher, with a sweep every second as a fallback), every symbolic link in the
 * directory tree whose target is not itself inside the directory (dangling ones too), and every
 * file name that is a hard link of a file with another name (removing such a name loses no data:
 * the file stays under its other name). Each removal is one line in the launcher log.
 */
final class ImportGuard {

    private final Path root;
    private final PrintStream out;

    private ImportGuard(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    static void start(Path dir, PrintStream out) throws IOException {
        ImportGuard guard = new ImportGuard(dir.toRealPath(), out);
        guard.sweep();
        Thread thread = new Thread(guard::watch, "casegraph-import-guard");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            while (true) {
                register(watcher);
                var key = watcher.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                sweep();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            out.println("casegraph-neo4j: the import directory guard stopped: " + e);
            out.flush();
        }
    }

    /** Watch every directory of the tree (registering one twice is harmless). */
    private void register(WatchService watcher) throws IOException {
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), 32,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_MODIFY);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /** Remove links that lead out of the directory. */
    void sweep() {
        FileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink() && !inside(file)) {
                    remove(file, "a symbolic link out of the import directory");
                } else if (attrs.isRegularFile() && links(file) > 1) {
                    remove(file, "a hard link of a file that has another name");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        };
        try {
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), 32, visitor);
        } catch (IOException e) {
            out.println("casegraph-neo4j: cannot check the import directory: " + e);
        }
    }

    private boolean inside(Path link) {
        try {
            return link.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false; // dangling, or a loop
        }
    }

    private static int links(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    private void remove(Path file, String what) {
        try {
            Files.deleteIfExists(file);
            out.println("casegraph-neo4j: removed " + root.relativize(file) + " from the import directory: " + what
                    + " (LOAD CSV may read only files inside it)");
        } catch (IOException e) {
            out.println("casegraph-neo4j: cannot remove " + what + " " + file + ": " + e);
        }
        out.flush();
    }
}
