package io.taquilla.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ServiceFactsTest {

    @Test
    void everyModuleListensOnItsContractPortAndHasProbes() {
        ServiceFacts.readAll(Repo.root()).forEach((module, fact) -> {
            assertThat(fact.port()).as(module).isEqualTo(RuntimeContract.PORTS.get(module));
            assertThat(fact.probesEnabled()).as(module).isTrue();
        });
    }

    @Test
    void findsPlaceholdersWithTheirDefaults() {
        Map<String, String> placeholders = new HashMap<>();
        Set<String> prefixes = new TreeSet<>();
        ServiceFacts.collect("""
                url: ${DATABASE_URL:jdbc:postgresql://localhost:5432/taquilla}
                issuer: ${taquilla.security.jwt.issuer:${TAQUILLA_ISSUER:dev}}
                key: ${STRIPE_SECRET_KEY:}
                name: ${spring.application.name}
                @ConfigurationProperties("taquilla.gateway.rate-limit")
                """, placeholders, prefixes);

        assertThat(placeholders).containsEntry("DATABASE_URL", "jdbc:postgresql://localhost:5432/taquilla")
                .containsEntry("TAQUILLA_ISSUER", "dev")
                .containsEntry("STRIPE_SECRET_KEY", "")
                .doesNotContainKey("spring.application.name");
        assertThat(prefixes).containsExactly("taquilla.gateway.ratelimit");
    }

    @Test
    void relaxedBindingMatchesEnvironmentNamesToProperties() {
        ServiceFacts fact = new ServiceFacts("x", 1, true, Map.of("ORDER_URL", "http://localhost:8082"),
                Set.of("server.port", "spring.datasource.hikari.maximumpoolsize"), Set.of("taquilla.messaging"));

        assertThat(fact.reads("SERVER_PORT")).isTrue();
        assertThat(fact.reads("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE")).isTrue();
        assertThat(fact.reads("TAQUILLA_MESSAGING_TOPICS_REPLICATIONFACTOR")).isTrue();
        assertThat(fact.reads("ORDER_URL")).isTrue();
        assertThat(fact.reads("JAVA_TOOL_OPTIONS")).isTrue();
        assertThat(fact.reads("SERVER_PROT")).isFalse();
        assertThat(fact.reads("ORDERS_URL")).isFalse();
        assertThat(fact.pointingAtLocalhost()).containsExactly("ORDER_URL");
    }

    @Test
    void aLocalhostDefaultIsFineWhenItIsAnotherVariableThatIsSet() {
        ServiceFacts fact = new ServiceFacts("x", 1, true,
                Map.of("CHECKOUT_SUCCESS_URL", "${PUBLIC_BASE_URL:http://localhost:8080", "PUBLIC_BASE_URL", "http://localhost:8080"),
                Set.of(), Set.of());

        assertThat(EnvironmentCheck.check("", fact, Set.of("PUBLIC_BASE_URL"))).isEmpty();
        assertThat(EnvironmentCheck.check("", fact, Set.of()))
                .containsExactly("does not set CHECKOUT_SUCCESS_URL, which x needs outside a laptop",
                        "does not set PUBLIC_BASE_URL, which x needs outside a laptop");
    }

    @Test
    void composeInterpolationFollowsDockerCompose() {
        ComposeInterpolation interpolation = new ComposeInterpolation(Map.of("SET", "v", "EMPTY", ""));

        assertThat(interpolation.apply("${SET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d} ${UNSET} $${SERVER_PORT}"))
                .isEqualTo("v d  d  ${SERVER_PORT}");
        interpolation.apply("${EMPTY:?needed}");
        assertThat(interpolation.problems()).containsExactly("required variable EMPTY is not set: needed");
        assertThat(interpolation.usedVariables()).contains("SET", "EMPTY", "UNSET").doesNotContain("SERVER_PORT");
    }
}
