package org.paperkg.neo4jserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * A Neo4j 5 Community server for PaperKG's tests and benchmarks, from Maven Central jars.
 *
 * <pre>
 * NEO4J_PASSWORD=... java @jvm.options -cp 'target/classes:target/lib/*' org.paperkg.neo4jserver.Neo4jServer \
 *     --bolt-port 7687 --http-port 7474 --data DIR [--plugins target/plugins] [--pagecache 256m]
 * </pre>
 *
 * Bolt and HTTP listen on 127.0.0.1 only (embedded Neo4j has both off by default); the HTTP server
 * serves Neo4j Browser at /browser/ because neo4j-browser is on the classpath. Authentication is on:
 * the neo4j user's password is set from the environment with ALTER USER on the system database (as a
 * parameter: it is never printed or logged). APOC core is on the classpath and in the plugin
 * directory, its procedures allowed. Prints one ready line on stdout, then runs until SIGTERM/SIGINT,
 * when it shuts the DBMS down cleanly (the store is consistent and can be reopened or imported into).
 */
public final class Neo4jServer {
    public static final String READY = "PAPERKG NEO4J READY";
    private static final String PASSWORD_VARIABLE = "NEO4J_PASSWORD";

    private Neo4jServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password == null || password.length() < 8) {
            fail(PASSWORD_VARIABLE + " must be set to a password of 8 or more characters");
        }
        int boltPort = Integer.parseInt(required(options, "bolt-port"));
        int httpPort = Integer.parseInt(required(options, "http-port"));
        Path home = Path.of(required(options, "data")).toAbsolutePath();
        Path plugins = Path.of(options.getOrDefault("plugins", "target/plugins")).toAbsolutePath();
        Files.createDirectories(home);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(HttpConnector.enabled, true)
                .setConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", httpPort))
                .setConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", httpPort))
                .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        parseBytes(options.getOrDefault("pagecache", "256m")))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ZERO)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "paperkg-neo4j-shutdown"));
        try {
            setPassword(dbms, password);
        } catch (RuntimeException error) {
            System.err.println("Neo4jServer: " + error.getMessage());
            System.exit(1); // runs the shutdown hook: the DBMS threads would keep the JVM alive
        }
        System.out.println(READY + " bolt://127.0.0.1:" + boltPort + " http://127.0.0.1:" + httpPort + "/browser/");
        System.out.flush();
        stopped.await();
    }

    /** The neo4j user's password, as a parameter (never in a query text or log); on a data
     * directory that already has it (a restart), Neo4j refuses to "change" it to itself. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException error) {
            if (!String.valueOf(error.getMessage()).contains("Old password and new password cannot be the same")) {
                throw error;
            }
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            if (!name.startsWith("--") || rest.isEmpty()) {
                fail("usage: Neo4jServer --bolt-port N --http-port N --data DIR [--plugins DIR] [--pagecache SIZE]");
            }
            options.put(name.substring(2), rest.remove(0));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            fail("--" + name + " is required");
        }
        return value;
    }

    /** "256m", "1g", "1048576" as bytes. */
    private static long parseBytes(String size) {
        String lower = size.trim().toLowerCase();
        long unit = switch (lower.charAt(lower.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1L;
        };
        String digits = unit == 1L ? lower : lower.substring(0, lower.length() - 1);
        return Long.parseLong(digits) * unit;
    }

    private static void fail(String message) {
        System.err.println("Neo4jServer: " + message);
        System.exit(2);
    }
}
