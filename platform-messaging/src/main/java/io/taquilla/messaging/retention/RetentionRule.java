package io.taquilla.messaging.retention;

import java.time.Duration;

/**
 * Rows of {@code table} whose {@code timestampColumn} is older than {@code keep} are deleted by
 * {@link Retention}, if they also match {@code condition} (SQL written in code, e.g.
 * {@code processed_at is not null}; null for none). A service declares one bean per table.
 */
public record RetentionRule(String name, String table, String timestampColumn, Duration keep, String condition) {

    public RetentionRule {
        if (!table.matches("[a-z_][a-z0-9_]*") || !timestampColumn.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("table and column must be plain identifiers: " + table + "." + timestampColumn);
        }
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("retention of " + name + " must be positive, got " + keep);
        }
    }
}
