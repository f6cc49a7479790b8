package io.taquilla.notification.sending;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

/** What buyers type as an email address: checked, normalised (trimmed, lower case) and hashed. */
public final class EmailAddresses {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private EmailAddresses() {
    }

    /** A single bare address a mail server will take: {@code local@domain.tld}, at most 254 characters. */
    public static boolean valid(String address) {
        if (address == null) {
            return false;
        }
        String trimmed = address.trim();
        if (trimmed.isEmpty() || trimmed.length() > 254 || !SHAPE.matcher(trimmed).matches()) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(trimmed, true);
            return trimmed.equals(parsed.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }

    /** The domain Message-IDs should end in: the sender's (RFC 5322), or {@code taquilla.local}. */
    public static String domainOf(String mailFrom) {
        try {
            String address = new InternetAddress(mailFrom, true).getAddress();
            return address.substring(address.indexOf('@') + 1);
        } catch (AddressException | RuntimeException e) {
            return "taquilla.local";
        }
    }

    public static String normalise(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    /** SHA-256 of the normalised address, for keeping counts without keeping addresses. */
    public static byte[] hash(String address) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalise(address).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
