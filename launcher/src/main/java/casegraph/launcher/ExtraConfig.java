package casegraph.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.ssl.SslPolicyConfig;
import org.neo4j.configuration.ssl.SslPolicyScope;
import org.neo4j.graphdb.config.Setting;

/**
 * Extra Neo4j settings from a file of {@code key=value} lines (Neo4j's own {@code neo4j.conf} syntax):
 * {@code --config FILE}, or {@code HOME/conf/neo4j.conf} when that exists.
 *
 * <p>Only the settings that put TLS on Bolt are accepted: {@code server.bolt.tls_level} and the Bolt
 * SSL policy {@code dbms.ssl.policy.bolt.*}. Anything else is refused (naming the file and line), so
 * the file cannot undo what the launcher promises: Bolt on 127.0.0.1 only, authentication on, no
 * HTTP, file URLs only from the import directory. Relative paths in the policy (its base directory,
 * key and certificate) are resolved as Neo4j does, against HOME; the default base directory is
 * {@code HOME/certificates/bolt} with {@code private.key} and {@code public.crt} in it.
 */
final class ExtraConfig {

    static final String TLS_LEVEL = "server.bolt.tls_level";
    static final String POLICY_PREFIX = "dbms.ssl.policy.bolt.";

    /** The typed settings to apply, in file order. */
    final Map<Setting<?>, Object> settings;
    /** Bolt accepts TLS connections only: clients must use {@code bolt+s}/{@code bolt+ssc}. */
    final boolean tlsRequired;

    private ExtraConfig(Map<Setting<?>, Object> settings, boolean tlsRequired) {
        this.settings = settings;
        this.tlsRequired = tlsRequired;
    }

    static ExtraConfig none() {
        return new ExtraConfig(Map.of(), false);
    }

    /** Thrown for a line the launcher will not apply; the message names the file and line. */
    static final class ConfigError extends Exception {
        ConfigError(String message) {
            super(message);
        }
    }

    /** Reads {@code file}; {@code required} says whether a missing file is an error or means no settings. */
    static ExtraConfig read(Path file, Path home, boolean required) throws ConfigError {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (required) {
                throw new ConfigError("the config file " + file + " does not exist");
            }
            return none();
        } catch (IOException e) {
            throw new ConfigError("cannot read the config file " + file + ": " + e.getClass().getSimpleName());
        }
        Map<String, String> raw = new LinkedHashMap<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigError(file + " line " + n + ": expected key=value");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!key.equals(TLS_LEVEL) && !key.startsWith(POLICY_PREFIX)) {
                throw new ConfigError(file + " line " + n + ": the launcher does not take the setting '" + shorten(key)
                        + "' (only " + TLS_LEVEL + " and " + POLICY_PREFIX + "*: Bolt stays on 127.0.0.1 with "
                        + "authentication on)");
            }
            if (raw.put(key, value) != null) {
                throw new ConfigError(file + " line " + n + ": '" + shorten(key) + "' is set twice");
            }
        }
        return typed(file, home, raw);
    }

    /** Lets Neo4j parse and check the values, resolving relative paths against {@code home}. */
    private static ExtraConfig typed(Path file, Path home, Map<String, String> raw) throws ConfigError {
        Map<Setting<?>, Object> out = new LinkedHashMap<>();
        boolean required = false;
        String level = raw.remove(TLS_LEVEL);
        if (level != null) {
            BoltConnector.EncryptionLevel parsed;
            try {
                parsed = BoltConnector.EncryptionLevel.valueOf(level.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigError(file + ": " + TLS_LEVEL + " must be REQUIRED, OPTIONAL or DISABLED, not '"
                        + shorten(level) + "'");
            }
            out.put(BoltConnector.encryption_level, parsed);
            required = parsed == BoltConnector.EncryptionLevel.REQUIRED;
        }
        if (raw.isEmpty()) {
            return new ExtraConfig(out, required);
        }
        Config parsed;
        try {
            parsed = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).setRaw(raw).build();
        } catch (RuntimeException e) {
            throw new ConfigError(file + ": " + e.getMessage());
        }
        SslPolicyConfig policy = SslPolicyConfig.forScope(SslPolicyScope.BOLT);
        List<Setting<?>> known = List.of(policy.enabled, policy.base_directory, policy.revoked_dir, policy.trust_all,
                policy.trust_expired, policy.client_auth, policy.tls_versions, policy.ciphers, policy.verify_hostname,
                policy.private_key, policy.private_key_password, policy.public_certificate, policy.trusted_dir);
        for (Setting<?> setting : known) {
            if (raw.remove(setting.name()) != null) {
                out.put(setting, parsed.get(setting));
            }
        }
        if (!raw.isEmpty()) {
            throw new ConfigError(file + ": unknown setting '" + shorten(raw.keySet().iterator().next()) + "'");
        }
        return new ExtraConfig(out, required);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
