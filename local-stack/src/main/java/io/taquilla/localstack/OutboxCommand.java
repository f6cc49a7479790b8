package io.taquilla.localstack;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./taquilla outbox parked [service] | retry <service> <id> | discard <service> <id>}: the
 * outbox rows each service's relay parked because Kafka refused them for good
 * ({@code /api/admin/outbox/parked}), called straight on the service's port with an admin token.
 * Retry after the fix (the relay tries the row again); discard to let the aggregate's later rows
 * go without it (the answer prints the discarded payload).
 */
final class OutboxCommand {

    private final StackLayout layout;
    private final Map<String, String> auth;
    private final PrintStream out;
    private final Http http = new Http();

    OutboxCommand(StackLayout layout, String adminToken, PrintStream out) {
        this.layout = layout;
        this.auth = Map.of("Authorization", "Bearer " + adminToken, "Accept", "application/json");
        this.out = out;
    }

    /** Returns the exit status. */
    int run(List<String> args) {
        String verb = args.isEmpty() ? "help" : args.get(0);
        switch (verb) {
            case "parked" -> {
                List<String> modules = args.size() > 1 ? List.of(DeadLetterCommand.module(args.get(1)))
                        : StackLayout.SERVICES.stream().map(StackLayout.Service::module).toList();
                int total = 0;
                for (String module : modules) {
                    Http.Response response;
                    try {
                        response = http.get(base(module), auth);
                    } catch (IllegalStateException e) {
                        out.printf("%-22s not reachable at %s (%s)%n", module, layout.url(module), e.getMessage());
                        continue;
                    }
                    if (!response.ok()) {
                        out.printf("%-22s HTTP %d %s%n", module, response.status(), response.body());
                        continue;
                    }
                    for (JsonNode row : response.json()) {
                        total++;
                        out.printf("%-22s %s %s %s %s, %d attempts, %d held back: %s%n", module, row.get("id").asString(),
                                row.get("type").asString(), row.get("aggregateType").asString(),
                                row.get("aggregateId").asString(), row.get("attempts").asInt(), row.get("heldBack").asLong(),
                                row.get("lastError").asString());
                    }
                }
                out.println(total + " parked row(s)");
                return 0;
            }
            case "retry", "discard" -> {
                if (args.size() < 3) {
                    return usage();
                }
                String module = DeadLetterCommand.module(args.get(1));
                Http.Response response;
                try {
                    response = http.post(base(module) + "/" + args.get(2) + "/" + verb, auth, null);
                } catch (IllegalStateException e) {
                    out.printf("%s not reachable at %s (%s)%n", module, layout.url(module), e.getMessage());
                    return 1;
                }
                out.println(response.body());
                return response.ok() ? 0 : 1;
            }
            default -> {
                return usage();
            }
        }
    }

    private int usage() {
        out.println("usage: taquilla outbox parked [service] | retry <service> <id> | discard <service> <id>");
        return 2;
    }

    private String base(String module) {
        return layout.url(module) + "/api/admin/outbox/parked";
    }
}
