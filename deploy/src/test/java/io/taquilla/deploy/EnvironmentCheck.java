package io.taquilla.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The same rule for compose and k8s: set only what the service reads (the variables every service
 * is promised by the runtime contract may always be set), and everything it reads that has no
 * production-safe default: contract variables and placeholders whose default points at localhost.
 */
final class EnvironmentCheck {

    private EnvironmentCheck() {
    }

    static List<String> check(String where, ServiceFacts fact, Set<String> given) {
        boolean service = RuntimeContract.SERVICES.contains(fact.module());
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(given)) {
            boolean promised = service && RuntimeContract.EVERY_SERVICE.contains(name);
            if (!promised && !fact.reads(name)) {
                problems.add(where + "sets " + name + ", which " + fact.module() + " does not read");
            }
        }
        Set<String> needed = new TreeSet<>();
        RuntimeContract.required(fact.module()).stream().filter(fact::reads).forEach(needed::add);
        for (String name : fact.pointingAtLocalhost()) {
            // "${CHECKOUT_SUCCESS_URL:${PUBLIC_BASE_URL:http://localhost:8080}/...}" is fine once PUBLIC_BASE_URL is set.
            String fallback = fact.placeholders().get(name);
            java.util.regex.Matcher inner = java.util.regex.Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)").matcher(fallback);
            if (!(inner.find() && given.contains(inner.group(1)))) {
                needed.add(name);
            }
        }
        for (String name : needed) {
            if (!given.contains(name)) {
                problems.add(where + "does not set " + name + ", which " + fact.module() + " needs outside a laptop");
            }
        }
        return problems;
    }
}
