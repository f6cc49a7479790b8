package io.taquilla.notification.delivery.domain;

import io.taquilla.contracts.common.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** How money and references read in a message: {@code 25.00 EUR}, {@code 3F2A9C1B}. Times: {@code EventDetails.when}. */
public final class Formats {

    private Formats() {
    }

    public static String money(Money money) {
        if (money == null) {
            return "";
        }
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(money.amountMinor(), digits).toPlainString() + " " + money.currency();
    }

    /** A header-safe single line: no CR/LF, at most {@code max} characters. */
    public static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** The short order reference buyers quote to support: the first 8 hex digits, upper case. */
    public static String orderReference(java.util.UUID orderId) {
        return orderId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
