package io.taquilla.catalog.event.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL names of events: lower-case ASCII words joined by hyphens, never shaped like a UUID. */
public final class Slugs {

    public static final int MAX_LENGTH = 80;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** "Noche de Flamenco — Sala Él" → "noche-de-flamenco-sala-el"; "event" when nothing usable is left. */
    public static String fromName(String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)).replaceAll("");
        String slug = SEPARATORS.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
        }
        slug = trimHyphens(slug);
        return slug.isEmpty() ? "event" : slug;
    }

    /** {@code base-n}, still within {@link #MAX_LENGTH}: the n-th candidate when {@code base} is taken. */
    public static String numbered(String base, int n) {
        String suffix = "-" + n;
        String head = base.length() + suffix.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH - suffix.length()) : base;
        return trimHyphens(head) + suffix;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches() && !looksLikeUuid(slug);
    }

    /** The public API resolves {@code /api/events/{idOrSlug}} as an id first, so slugs must not look like one. */
    public static boolean looksLikeUuid(String value) {
        return value != null && UUID_SHAPE.matcher(value).matches();
    }

    private static String trimHyphens(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '-') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '-') {
            end--;
        }
        return value.substring(start, end);
    }
}
