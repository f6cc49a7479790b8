package io.taquilla.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of {@code ./taquilla}: {@code up [--data-dir DIR] [--fresh]}, {@code demo},
 * {@code token admin|door}, {@code inbox}.
 */
public final class Taquilla {

    private Taquilla() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() ? "help" : arguments.get(0);
        Path home = Path.of(System.getProperty("taquilla.home", ".")).toAbsolutePath().normalize();
        // -Dtaquilla.base=N shifts every port (gateway N, services N+1..), for a second stack beside 8080.
        StackLayout layout = new StackLayout(Integer.getInteger("taquilla.base", StackLayout.DEFAULT.base()));
        switch (command) {
            case "up" -> up(home, layout, arguments);
            case "demo" -> {
                boolean passed = new DemoJourney(routes(layout), layout.inboxUrl(), LocalIssuer.of(home, layout),
                        System.out).run();
                if (gatewayUp(layout)) {
                    System.out.printf("%nBuy with a browser: %s/  (\"Perreo Fridays\": %s/events/%s; pay on the test checkout page)%n",
                            layout.gatewayUrl(), layout.gatewayUrl(), DemoData.SLUG);
                }
                System.exit(passed ? 0 : 1);
            }
            case "token" -> System.out.println(token(LocalIssuer.of(home, layout),
                    arguments.size() > 1 ? arguments.get(1) : "admin"));
            case "inbox" -> System.out.println(new Http().get(layout.inboxUrl() + "/messages", java.util.Map.of()).body());
            case "dlt" -> System.exit(new DeadLetterCommand(stackLayout(),
                    LocalIssuer.of(home, stackLayout()).admin(java.time.Duration.ofHours(1)), System.out)
                    .run(arguments.subList(1, arguments.size())));
            default -> {
                System.out.println("usage: taquilla up [--data-dir DIR] [--fresh] | demo | token admin|organizer|door | inbox"
                        + " | dlt list|show|replay");
                System.exit(command.equals("help") ? 0 : 2);
            }
        }
    }

    /** The stack's ports: the default ones, or those of {@code TAQUILLA_BASE} (e.g. a test stack's). */
    private static StackLayout stackLayout() {
        String base = System.getenv("TAQUILLA_BASE");
        return base == null || base.isBlank() ? StackLayout.DEFAULT : new StackLayout(Integer.parseInt(base.trim()));
    }

    /** {@code admin}: a platform admin; {@code organizer}: the demo organizer's admin; {@code door}: its door device. */
    private static String token(LocalIssuer issuer, String kind) {
        java.time.Duration ttl = java.time.Duration.ofHours(12);
        return switch (kind) {
            case "door" -> issuer.door(ttl);
            case "organizer" -> issuer.organizerAdmin(ttl);
            default -> issuer.admin(ttl);
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
        System.out.println("Starting Taquilla: embedded PostgreSQL, Kafka and SMTP, six services and the gateway...");
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
                  Dev admin token   %s
                  Door token        %s

                Try: ./taquilla demo     Stop: Ctrl-C
                """,
                stack.startup.toMillis() / 1000.0, layout.gatewayUrl(), layout.gatewayUrl(), layout.gatewayUrl(), stack.inbox.port() == 0 ? "" : layout.inboxUrl(),
                stack.infrastructure.jdbcUrl(), stack.infrastructure.bootstrapServers(), home.resolve(".taquilla/logs"),
                services(stack), stack.adminToken(), stack.doorToken());
        stopped.await();
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
