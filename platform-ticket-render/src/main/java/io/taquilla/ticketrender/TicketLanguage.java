package io.taquilla.ticketrender;

import java.util.Locale;

/**
 * The languages tickets and buyer messages are written in. Anything else falls back to English:
 * {@code of("es-MX")} is Spanish, {@code of("fr")} and {@code of(null)} are English.
 */
public enum TicketLanguage {

    EN(Locale.ENGLISH, "Ticket type", "Holder", "Ticket number", "Ticket %d of %d. Show this code at the door; it admits one person once.",
            "TAQUILLA TICKET"),
    ES(Locale.forLanguageTag("es"), "Tipo de entrada", "Titular", "Número de entrada",
            "Entrada %d de %d. Muestra este código en la puerta; admite a una persona una sola vez.", "ENTRADA TAQUILLA");

    private final Locale locale;
    final String typeLabel;
    final String holderLabel;
    final String numberLabel;
    final String footer;
    final String banner;

    TicketLanguage(Locale locale, String typeLabel, String holderLabel, String numberLabel, String footer, String banner) {
        this.locale = locale;
        this.typeLabel = typeLabel;
        this.holderLabel = holderLabel;
        this.numberLabel = numberLabel;
        this.footer = footer;
        this.banner = banner;
    }

    /** From a language tag ({@code es}, {@code es-ES}, {@code en-GB}); null, blank or unknown is English. */
    public static TicketLanguage of(String tag) {
        if (tag == null || tag.isBlank()) {
            return EN;
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return "es".equals(language) ? ES : EN;
    }

    public Locale locale() {
        return locale;
    }

    /** The tag stored with orders and events: {@code en} or {@code es}. */
    public String tag() {
        return locale.getLanguage();
    }
}
