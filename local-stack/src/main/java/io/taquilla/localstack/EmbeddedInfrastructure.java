package io.taquilla.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * PostgreSQL, Kafka and an SMTP server inside this JVM, so the stack needs nothing but a JDK.
 * One PostgreSQL server with a schema and a login per service, as production has; a real KRaft
 * broker; GreenMail as the mail server whose inbox {@link InboxServer} shows.
 */
final class EmbeddedInfrastructure implements AutoCloseable {

    /** Each service's schema, which is also its database user and password locally. */
    static final List<String> SCHEMAS = List.of("catalog", "ordering", "payments", "ticketing", "scanning", "notification", "identity");

    final EmbeddedPostgres postgres;
    final EmbeddedKafkaKraftBroker kafka;
    final GreenMail mail;

    private EmbeddedInfrastructure(EmbeddedPostgres postgres, EmbeddedKafkaKraftBroker kafka, GreenMail mail) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mail = mail;
    }

    /**
     * @param dataDirectory where PostgreSQL keeps its data between runs, or null for a throw-away one
     */
    static EmbeddedInfrastructure start(Path dataDirectory, int postgresPort, int smtpPort) throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(postgresPort)
                .setServerConfig("max_connections", "200");
        if (dataDirectory != null) {
            Path pgData = dataDirectory.resolve("postgres");
            Files.createDirectories(pgData);
            builder.setDataDirectory(pgData).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        createServiceLogins(postgres);

        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();

        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return new EmbeddedInfrastructure(postgres, kafka, mail);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    String bootstrapServers() {
        return kafka.getBrokersAsString();
    }

    int smtpPort() {
        return mail.getSmtp().getPort();
    }

    private static void createServiceLogins(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            for (String schema : SCHEMAS) {
                sql.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + schema + "') then "
                        + "create role " + schema + " login password '" + schema + "'; end if; end $$");
                sql.execute("create schema if not exists " + schema + " authorization " + schema);
                // A service sees its own schema only.
                sql.execute("revoke all on schema public from " + schema);
            }
        }
    }

    @Override
    public void close() {
        mail.stop();
        kafka.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
