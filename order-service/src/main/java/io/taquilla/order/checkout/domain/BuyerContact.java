package io.taquilla.order.checkout.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Buyer contact rules. Emails need a local part, a domain with a dot and no spaces. Phones are
 * stored in E.164 (what the contracts and SMS providers require): spaces, dashes, dots and
 * brackets are dropped and a leading {@code 00} becomes {@code +}; a number without a country
 * code cannot be fixed here and is refused.
 */
public final class BuyerContact {

    public static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-.()/]");

    private BuyerContact() {
    }

    public static boolean validEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.trim()).matches();
    }

    /** Trimmed, domain in lower case (local parts may be case-sensitive). */
    public static String normaliseEmail(String email) {
        String trimmed = email.trim();
        int at = trimmed.lastIndexOf('@');
        return trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Empty for no phone; the E.164 form for a usable one.
     *
     * @throws IllegalArgumentException when a phone was given but is not an international number
     */
    public static Optional<String> normalisePhone(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String compact = PHONE_SEPARATORS.matcher(raw.trim()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (!E164.matcher(compact).matches()) {
            throw new IllegalArgumentException(
                    "phone must be an international number with country code, e.g. +34600123456");
        }
        return Optional.of(compact);
    }
}
