package io.taquilla.localstack;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./taquilla dlt list [service] [--all] | show <service> <id> | replay <service> <id>|--all}:
 * the dead-letter admin API of each service ({@code /api/admin/dead-letters}), called straight on
 * the service's port with an admin token. An id is {@code <dlt topic>/<partition>/<offset>} as
 * {@code list} prints it. A replay publishes the letter again to its topic; consumers that applied
 * it already skip it, so replaying twice is harmless.
 */
final class DeadLetterCommand {

    private final StackLayout layout;
    private final Map<String, String> auth;
    private final PrintStream out;
    private final Http http = new Http();

    DeadLetterCommand(StackLayout layout, String adminToken, PrintStream out) {
        this.layout = layout;
        this.auth = Map.of("Authorization", "Bearer " + adminToken, "Accept", "application/json");
        this.out = out;
    }

    /** Returns the exit status. */
    int run(List<String> args) {
        String verb = args.isEmpty() ? "help" : args.get(0);
        switch (verb) {
            case "list" -> {
                boolean all = args.contains("--all");
                List<String> named = args.subList(1, args.size()).stream().filter(a -> !a.startsWith("--")).toList();
                List<String> modules = named.isEmpty() ? StackLayout.SERVICES.stream().map(StackLayout.Service::module).toList()
                        : named.stream().map(DeadLetterCommand::module).toList();
                int total = 0;
                for (String module : modules) {
                    Http.Response response = call(() -> http.get(base(module) + (all ? "?all=true" : ""), auth), module);
                    if (response == null) {
                        continue;
                    }
                    if (!response.ok()) {
                        out.printf("%-22s HTTP %d %s%n", module, response.status(), response.body());
                        continue;
                    }
                    for (JsonNode letter : response.json()) {
                        total++;
                        out.printf("%-22s %-40s %-22s key %s  %s: %s%s%n", module,
                                letter.get("topic").asString() + "/" + letter.get("partition").asInt() + "/" + letter.get("offset").asLong(),
                                text(letter, "eventType"), text(letter, "key"), text(letter, "exceptionClass"),
                                text(letter, "exceptionMessage"),
                                text(letter, "replayedAt").equals("-") ? "" : "  (replayed " + text(letter, "replayedAt") + ")");
                    }
                }
                out.println(total + " dead letter(s)");
                return 0;
            }
            case "show", "replay" -> {
                if (args.size() < 3) {
                    return usage();
                }
                String module = module(args.get(1));
                boolean all = verb.equals("replay") && args.get(2).equals("--all");
                String url = all ? base(module) + "/replay"
                        : base(module) + "/" + args.get(2) + (verb.equals("replay") ? "/replay" : "");
                Http.Response response = call(() -> verb.equals("show") ? http.get(url, auth) : http.post(url, auth, null), module);
                if (response == null) {
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
        out.println("usage: taquilla dlt list [service] [--all] | show <service> <topic/partition/offset> "
                + "| replay <service> <topic/partition/offset>|--all");
        return 2;
    }

    private Http.Response call(java.util.function.Supplier<Http.Response> request, String module) {
        try {
            return request.get();
        } catch (IllegalStateException e) {
            out.printf("%-22s not reachable at %s (%s)%n", module, layout.url(module), e.getMessage());
            return null;
        }
    }

    private String base(String module) {
        return layout.url(module) + "/api/admin/dead-letters";
    }

    /** {@code order} or {@code order-service}. */
    static String module(String name) {
        String module = name.endsWith("-service") ? name : name + "-service";
        if (StackLayout.SERVICES.stream().noneMatch(s -> s.module().equals(module))) {
            throw new IllegalArgumentException("no service " + name + "; one of "
                    + StackLayout.SERVICES.stream().map(StackLayout.Service::module).toList());
        }
        return module;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "-" : value.asString();
    }
}
