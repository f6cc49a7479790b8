package io.taquilla.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each service logs in as a role named after its schema, which owns that schema: the PostgreSQL
 * init script, compose and k8s must agree with the schema in the service's application.yaml.
 */
class DatabaseRolesTest {

    private static final Pattern CREATE = Pattern.compile("create_service_schema\\s+(\\w+)\\s+\"\\$\\{(\\w+):-}\"");

    static String schema(String module) {
        return Tree.string(Repo.yaml(Repo.path(module + "/src/main/resources/application.yaml")), "spring.flyway.schemas");
    }

    /** role → the variable holding its password, as the init script creates them. */
    static Map<String, String> rolesInInitScript(String script) {
        Map<String, String> roles = new LinkedHashMap<>();
        Matcher m = CREATE.matcher(script);
        while (m.find()) {
            roles.put(m.group(1), m.group(2));
        }
        return roles;
    }

    @Test
    void composeServicesLogInAsTheRoleTheInitScriptCreatesForTheirSchema() {
        Map<String, String> roles = rolesInInitScript(Repo.read(Repo.path("ops/postgres/init/10-service-schemas.sh")));
        Map<String, Object> services = Tree.map(Manifests.compose(), "services");
        Map<String, Object> postgresEnv = Tree.map(services, "postgres.environment");
        for (String module : RuntimeContract.SERVICES) {
            String schema = schema(module);
            Map<String, Object> env = Tree.map(services, module + ".environment");
            assertThat(roles).as("init script creates role %s", schema).containsKey(schema);
            assertThat(env.get("DATABASE_USER")).as(module).isEqualTo(schema);
            String passwordVariable = roles.get(schema);
            assertThat(String.valueOf(env.get("DATABASE_PASSWORD"))).as(module).startsWith("${" + passwordVariable + ":");
            assertThat(postgresEnv).as("postgres container gets %s", passwordVariable).containsKey(passwordVariable);
        }
        assertThat(roles).hasSize(RuntimeContract.SERVICES.size());
    }

    @Test
    void kubernetesServicesLogInAsTheirSchemaWithTheirOwnPassword() {
        List<Map<String, Object>> documents = Manifests.kubernetes();
        for (String module : RuntimeContract.SERVICES) {
            String schema = schema(module);
            Map<String, Object> config = documents.stream()
                    .filter(d -> "ConfigMap".equals(d.get("kind")) && (module + "-config").equals(Tree.string(d, "metadata.name")))
                    .findFirst().orElseThrow();
            assertThat(Tree.string(config, "data.DATABASE_USER")).as(module).isEqualTo(schema);
            Map<String, Object> deployment = documents.stream()
                    .filter(d -> "Deployment".equals(d.get("kind")) && module.equals(Tree.string(d, "metadata.name")))
                    .findFirst().orElseThrow();
            Object password = Tree.list(Tree.list(deployment, "spec.template.spec.containers").get(0), "env").stream()
                    .filter(e -> "DATABASE_PASSWORD".equals(Tree.string(e, "name")))
                    .map(e -> Tree.string(e, "valueFrom.secretKeyRef.key"))
                    .findFirst().orElse(null);
            assertThat(password).as(module).isEqualTo(schema.toUpperCase() + "_DB_PASSWORD");
        }
    }

    @Test
    void theInitScriptParserSeesEveryRole() {
        assertThat(rolesInInitScript("""
                create_service_schema catalog      "${CATALOG_DB_PASSWORD:-}"
                create_service_schema ordering "${ORDERING_DB_PASSWORD:-}"
                # create_service_schema typo "${TYPO}"
                """)).containsExactly(Map.entry("catalog", "CATALOG_DB_PASSWORD"), Map.entry("ordering", "ORDERING_DB_PASSWORD"));
    }
}
