package cn.gov.disclosure.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line the deploy/ scripts use: long-lived Kafka and PostgreSQL for the local stack, on fixed ports,
 * outliving this JVM (stopped by pid file).
 *
 * <pre>
 * Infra kafka    start|stop|status [--data DIR] [--port 9092] [--controller-port 9093]
 * Infra postgres start|stop|status [--data DIR] [--port 5432] [--databases a,b,c]
 * Infra postgres createdb NAME [--user U] [--password P] [--data DIR] [--port 5432]
 * </pre>
 *
 * Exit codes: 0 done / running, 3 not running (status), 2 usage, 1 failure.
 */
public final class Infra {

    private Infra() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (RuntimeException e) {
            System.err.println("infra: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    return usage("missing value for " + args[i]);
                }
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() < 2) {
            return usage(null);
        }
        String component = positional.get(0);
        String action = positional.get(1);
        return switch (component) {
            case "kafka" -> kafka(action, options);
            case "postgres" -> postgres(action, positional, options);
            default -> usage("unknown component " + component);
        };
    }

    private static int kafka(String action, Map<String, String> o) {
        Path data = Path.of(o.getOrDefault("data", ".data/kafka"));
        int[] ports = LocalKafka.persistedPorts(data)
                .orElse(new int[] {LocalKafka.DEFAULT_PORT, LocalKafka.DEFAULT_CONTROLLER_PORT});
        LocalKafka k = new LocalKafka(
                        data,
                        o.containsKey("port") ? Integer.parseInt(o.get("port")) : ports[0],
                        o.containsKey("controller-port") ? Integer.parseInt(o.get("controller-port")) : ports[1])
                .exitWithJvm(false);
        switch (action) {
            case "start" -> {
                if (k.isRunning()) {
                    System.out.println("kafka already running: " + describe(k));
                    return 0;
                }
                k.start();
                System.out.println("kafka started in " + k.lastStartMillis() + " ms: " + describe(k));
                return 0;
            }
            case "stop" -> {
                boolean was = k.isRunning();
                k.stop();
                System.out.println(was ? "kafka stopped (data kept in " + k.dataDir() + ")" : "kafka was not running");
                return 0;
            }
            case "status" -> {
                if (k.isRunning()) {
                    System.out.println("kafka running: " + describe(k));
                    return 0;
                }
                System.out.println("kafka not running (data " + k.dataDir() + ")");
                return 3;
            }
            default -> {
                return usage("unknown kafka action " + action);
            }
        }
    }

    private static String describe(LocalKafka k) {
        return "bootstrap " + k.bootstrapServers() + ", controller 127.0.0.1:" + k.controllerPort() + ", pid "
                + k.processHandle().map(ProcessHandle::pid).map(String::valueOf).orElse("?") + ", data " + k.dataDir()
                + ", log " + k.logFile();
    }

    private static int postgres(String action, List<String> positional, Map<String, String> o) {
        Path data = Path.of(o.getOrDefault("data", ".data/postgres"));
        LocalPostgres pg = new LocalPostgres(
                        data,
                        o.containsKey("port")
                                ? Integer.parseInt(o.get("port"))
                                : LocalPostgres.persistedPort(data).orElse(LocalPostgres.DEFAULT_PORT))
                .exitWithJvm(false)
                .durable(true);
        switch (action) {
            case "start" -> {
                boolean was = pg.isRunning();
                pg.start();
                String dbs = o.getOrDefault("databases", "");
                for (String db : dbs.split(",")) {
                    if (!db.isBlank()) {
                        pg.createDatabase(db.trim());
                    }
                }
                System.out.println(
                        (was ? "postgres already running: " : "postgres started in " + pg.lastStartMillis() + " ms: ")
                                + describe(pg)
                                + (dbs.isBlank() ? "" : ", databases " + dbs + " (user/password = database name)"));
                return 0;
            }
            case "stop" -> {
                boolean was = pg.isRunning();
                pg.stop();
                System.out.println(
                        was ? "postgres stopped (data kept in " + pg.dir() + ")" : "postgres was not running");
                return 0;
            }
            case "status" -> {
                if (pg.isRunning()) {
                    System.out.println("postgres running: " + describe(pg));
                    return 0;
                }
                System.out.println("postgres not running (data " + pg.dir() + ")");
                return 3;
            }
            case "createdb" -> {
                if (positional.size() < 3) {
                    return usage("createdb needs a database name");
                }
                String db = positional.get(2);
                pg.createDatabase(db, o.getOrDefault("user", db), o.getOrDefault("password", db));
                System.out.println("database " + db + " ready: " + pg.jdbcUrl(db));
                return 0;
            }
            default -> {
                return usage("unknown postgres action " + action);
            }
        }
    }

    private static String describe(LocalPostgres pg) {
        return "127.0.0.1:" + pg.port() + ", pid "
                + pg.processHandle()
                        .map(ProcessHandle::pid)
                        .map(String::valueOf)
                        .orElse("?") + ", superuser "
                + pg.superuser() + "/" + pg.superuserPassword() + ", data " + pg.dir() + ", log " + pg.logFile()
                + ", " + pg.binDir();
    }

    private static int usage(String problem) {
        if (problem != null) {
            System.err.println("infra: " + problem);
        }
        System.err.println("usage: Infra kafka start|stop|status [--data DIR] [--port 9092] [--controller-port 9093]\n"
                + "       Infra postgres start|stop|status [--data DIR] [--port 5432] [--databases a,b,c]\n"
                + "       Infra postgres createdb NAME [--user U] [--password P] [--data DIR] [--port 5432]");
        return 2;
    }
}
