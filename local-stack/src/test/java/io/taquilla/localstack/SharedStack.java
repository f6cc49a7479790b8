package io.taquilla.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * One local stack for every test class of this module: the packaged services on shifted ports
 * (base 18080, so a developer's running stack is not disturbed), stopped when the JVM exits.
 * Holds are 40 s instead of 15 minutes so the late-payment journey can run.
 */
final class SharedStack {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final String HOLD = "40s";
    private static LocalStack stack;

    private SharedStack() {
    }

    static synchronized LocalStack get() throws Exception {
        if (stack == null) {
            stack = LocalStack.start(HOME, new StackLayout(Integer.getInteger("taquilla.test.base", 18080)), null, Map.of("ORDER_HOLD_DURATION", HOLD));
            System.out.printf("[local-stack] started in %.1f s%n", stack.startup.toMillis() / 1000.0);
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return stack;
    }
}
