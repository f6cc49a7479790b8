package io.taquilla.identity.staff.domain;

import java.util.Locale;
import java.util.Optional;

/** A new password is long enough and is not the account's email (or its local part). */
public final class PasswordPolicy {

    public static final int MAX_LENGTH = 256;

    private final int minLength;

    public PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /** Empty when acceptable, else the sentence to show the person. */
    public Optional<String> check(String password, String email) {
        if (password == null || password.isBlank()) {
            return Optional.of("Choose a password.");
        }
        if (password.length() < minLength) {
            return Optional.of("The password must be at least " + minLength + " characters long.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("The password must be at most " + MAX_LENGTH + " characters long.");
        }
        String lower = password.toLowerCase(Locale.ROOT).trim();
        String mail = email == null ? "" : email.toLowerCase(Locale.ROOT).trim();
        String local = mail.contains("@") ? mail.substring(0, mail.indexOf('@')) : mail;
        if (!mail.isEmpty() && (lower.equals(mail) || lower.equals(local) || lower.contains(mail))) {
            return Optional.of("The password must not be your email address.");
        }
        if (lower.chars().distinct().count() < 4) {
            return Optional.of("The password is too easy to guess; use more different characters.");
        }
        return Optional.empty();
    }
}
