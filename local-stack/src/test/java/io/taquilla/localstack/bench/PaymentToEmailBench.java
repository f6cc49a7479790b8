package io.taquilla.localstack.bench;

import io.taquilla.localstack.LocalStackAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Payment webhook to ticket email, across the real services: for each of N orders (1 GA ticket),
 * the time from the simulated checkout's "pay" (which sends a signed Stripe webhook) to the
 * tickets email being in the SMTP inbox — webhook, PaymentSucceeded, OrderConfirmed,
 * TicketsIssued, rendering and SMTP included. Orders go one at a time, so this is latency, not
 * throughput. Starts its own stack on ports 28080+.
 *
 * <pre>./taquilla bench e2e</pre> (or {@code -Dbench.orders=50})
 */
public final class PaymentToEmailBench {

    private PaymentToEmailBench() {
    }

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("bench.orders", 50);
        try (LocalStackAccess stack = LocalStackAccess.start(28080)) {
            System.out.printf("stack up in %.1f s%n", stack.startupSeconds());
            for (int i = 0; i < 5; i++) {
                stack.payAndAwaitEmail(Duration.ofSeconds(60));
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                millis.add(stack.payAndAwaitEmail(Duration.ofSeconds(60)).toNanos() / 1e6);
            }
            Collections.sort(millis);
            double p50 = percentile(millis, 0.50);
            double p99 = percentile(millis, 0.99);
            double max = millis.get(millis.size() - 1);
            System.out.println();
            System.out.println("Payment webhook to tickets email in the inbox (one order at a time, 1 ticket each)");
            System.out.printf("%-10s %10s %10s %10s%n", "orders", "p50 ms", "p99 ms", "max ms");
            System.out.printf(Locale.ROOT, "%-10d %10.1f %10.1f %10.1f%n", orders, p50, p99, max);
            System.out.printf(Locale.ROOT, "{\"bench\":\"payment-to-email\",\"orders\":%d,\"p50Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f}%n",
                    orders, p50, p99, max);
        }
        System.exit(0);
    }

    private static double percentile(List<Double> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
