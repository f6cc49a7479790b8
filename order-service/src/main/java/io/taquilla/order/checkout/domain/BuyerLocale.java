package io.taquilla.order.checkout.domain;

import java.util.List;
import java.util.Locale;

/**
 * The language a buyer is written to in: {@code es} or {@code en}. The order request's
 * {@code locale} wins; else the best of {@code Accept-Language} we speak; else English. A header
 * that does not parse is ignored, not refused: it is a hint, not input the buyer typed.
 */
public final class BuyerLocale {

    public static final String DEFAULT = "en";
    private static final List<String> SPOKEN = List.of("en", "es");

    private BuyerLocale() {
    }

    public static String choose(String requested, String acceptLanguage) {
        String fromRequest = spoken(requested);
        if (fromRequest != null) {
            return fromRequest;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String match = spoken(range.getRange());
                    if (match != null && range.getWeight() > 0) {
                        return match;
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // malformed header: fall through to the default
            }
        }
        return DEFAULT;
    }

    private static String spoken(String tag) {
        if (tag == null || tag.isBlank() || "*".equals(tag.trim())) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return SPOKEN.contains(language) ? language : null;
    }
}
