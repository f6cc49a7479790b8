package io.taquilla.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker Compose's variable interpolation ({@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code $$}), applied as if .env held the given values.
 */
final class ComposeInterpolation {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private final Map<String, String> dotEnv;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> used = new TreeSet<>();

    ComposeInterpolation(Map<String, String> dotEnv) {
        this.dotEnv = dotEnv;
    }

    String apply(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String name = m.group(1);
                String operator = m.group(2);
                String argument = m.group(3);
                used.add(name);
                String value = dotEnv.get(name);
                boolean unsetOrEmpty = value == null || value.isEmpty();
                if (operator == null) {
                    replacement = value == null ? "" : value;
                } else if (operator.equals(":-")) {
                    replacement = unsetOrEmpty ? argument : value;
                } else if (operator.equals("-")) {
                    replacement = value == null ? argument : value;
                } else {
                    if (operator.equals(":?") ? unsetOrEmpty : value == null) {
                        problems.add("required variable " + name + " is not set: " + argument);
                    }
                    replacement = value == null ? "" : value;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Interpolates every string in a YAML tree, returning a new tree. */
    Object applyTree(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), applyTree(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(applyTree(v)));
            return copy;
        }
        return node instanceof String s ? apply(s) : node;
    }

    List<String> problems() {
        return problems;
    }

    Set<String> usedVariables() {
        return used;
    }

    /** KEY=value lines of a .env file (comments and blank lines ignored). */
    static Map<String, String> parseDotEnv(String text) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            values.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1));
        }
        return values;
    }
}
