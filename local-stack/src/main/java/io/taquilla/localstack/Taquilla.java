package io.taquilla.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of {@code ./taquilla}: {@code up [--data-dir DIR] [--fresh] [--base PORT]}, {@code demo},
 * {@code token admin|door}, {@code inbox}. {@code --base} shifts every port (gateway = base).
 */
public final class Taquilla {

    private Taquilla() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() ? "help" : arguments.get(0);
        Path home = Path.of(System.getProperty("taquilla.home", ".")).toAbsolutePath().normalize();
        // --base N (or -Dtaquilla.base=N) shifts every port (gateway N, services N+1..), for a second stack beside 8080.
        int base = arguments.indexOf("--base") >= 0 && arguments.indexOf("--base") + 1 < arguments.size()
                ? Integer.parseInt(arguments.get(arguments.indexOf("--base") + 1))
                : Integer.getInteger("taquilla.base", StackLayout.DEFAULT.base());
        StackLayout layout = new StackLayout(base);
        switch (command) {
            case "up" -> up(home, layout, arguments);
            case "demo" -> {
                boolean passed = new DemoJourney(routes(layout), layout.inboxUrl(), token(layout, "admin"),
                        token(layout, "door"), System.out).run();
                if (gatewayUp(layout)) {
                    System.out.printf("%nBuy with a browser: %s/  (\"Perreo Fridays\": %s/events/%s; pay on the test checkout page)%n",
                            layout.gatewayUrl(), layout.gatewayUrl(), DemoData.SLUG);
                }
                System.exit(passed ? 0 : 1);
            }
            case "token" -> System.out.println(token(layout, arguments.size() > 1 ? arguments.get(1) : "admin"));
            case "inbox" -> System.out.println(new Http().get(layout.inboxUrl() + "/messages", java.util.Map.of()).body());
            case "dlt" -> System.exit(new DeadLetterCommand(stackLayout(), adminToken(), System.out)
                    .run(arguments.subList(1, arguments.size())));
            case "outbox" -> System.exit(new OutboxCommand(stackLayout(), adminToken(), System.out)
                    .run(arguments.subList(1, arguments.size())));
            default -> {
                System.out.println("usage: taquilla up [--data-dir DIR] [--fresh] | demo | token admin|door | inbox"
                        + " | dlt list|show|replay | outbox parked|retry|discard");
                System.exit(command.equals("help") ? 0 : 2);
            }
        }
    }

    /** The stack's ports: the default ones, or those of {@code TAQUILLA_BASE} (e.g. a test stack's). */
    private static StackLayout stackLayout() {
        String base = System.getenv("TAQUILLA_BASE");
        return base == null || base.isBlank() ? StackLayout.DEFAULT : new StackLayout(Integer.parseInt(base.trim()));
    }

    private static String adminToken() {
        return token(stackLayout(), "admin");
    }

    /**
     * A real token from the running identity-service: {@code admin} through the taquilla-cli client
     * credentials, {@code door} by logging the seeded door account in through the door app (PKCE).
     */
    private static String token(StackLayout layout, String kind) {
        String identity = routes(layout).url("/oauth2/token").replace("/oauth2/token", "");
        return switch (kind) {
            case "admin" -> new StaffTokens(identity).clientCredentials(DemoData.CLI_CLIENT_ID, DemoData.CLI_CLIENT_SECRET);
            case "door" -> LocalStack.doorLogin(identity, layout.gatewayUrl(), "taquilla token").get("access_token").asString();
            default -> throw new IllegalArgumentException("token admin|door");
        };
    }

    /** Through the gateway when it answers, else straight to the services. */
    private static Routes routes(StackLayout layout) {
        return gatewayUp(layout) ? Routes.gateway(layout.gatewayUrl()) : Routes.direct(layout);
    }

    private static boolean gatewayUp(StackLayout layout) {
        try {
            return new Http().get(layout.gatewayUrl() + "/actuator/health", java.util.Map.of()).ok();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void up(Path home, StackLayout layout, List<String> arguments) throws Exception {
        Path dataDirectory = null;
        int index = arguments.indexOf("--data-dir");
        if (index >= 0 && index + 1 < arguments.size()) {
            dataDirectory = Path.of(arguments.get(index + 1)).toAbsolutePath();
        }
        if (arguments.contains("--fresh") && dataDirectory != null) {
            deleteRecursively(dataDirectory);
        }
        System.out.println("Starting Taquilla: embedded PostgreSQL, Kafka and SMTP, seven services and the gateway...");
        LocalStack stack = LocalStack.start(home, layout, dataDirectory);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Taquilla...");
            stack.close();
            stopped.countDown();
        }));
        System.out.printf("""

                Taquilla is up in %.1f s.

                  Purchase site (in a browser)   %s/
                  Gateway (buyers, door, admin)  %s
                  Events                         %s/api/events
                  Mail inbox                     %s
                  PostgreSQL                     %s  (schema and user per service)
                  Kafka                          %s
                  Logs                           %s
                %s
                  Staff logins (local only; sign in at %s/login through the console or door app)
                %s
                  Dev admin token   %s
                  Door token        %s

                Try: ./taquilla demo     Stop: Ctrl-C
                """,
                stack.startup.toMillis() / 1000.0, layout.gatewayUrl(), layout.gatewayUrl(), layout.gatewayUrl(), stack.inbox.port() == 0 ? "" : layout.inboxUrl(),
                stack.infrastructure.jdbcUrl(), stack.infrastructure.bootstrapServers(), home.resolve(".taquilla/logs"),
                services(stack), layout.gatewayUrl(), logins(), stack.adminToken(), stack.doorToken());
        stopped.await();
    }

    private static String logins() {
        StringBuilder lines = new StringBuilder();
        DemoData.LOGINS.forEach(login -> lines.append(String.format("    %-16s %-24s %s%s%n", login.role(), login.email(),
                login.password(), login.organizerId() == null ? "" : "   (" + DemoData.ORGANIZER_NAME + ")")));
        lines.append(String.format("    %-16s %-24s %s%n", "script client", DemoData.CLI_CLIENT_ID, DemoData.CLI_CLIENT_SECRET));
        return lines.toString();
    }

    private static String services(LocalStack stack) {
        StringBuilder lines = new StringBuilder();
        stack.services.ports().forEach((module, port) ->
                lines.append(String.format("  %-30s http://localhost:%d%n", module, port)));
        return lines.toString();
    }

    private static void deleteRecursively(Path path) throws java.io.IOException {
        if (!java.nio.file.Files.exists(path)) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
