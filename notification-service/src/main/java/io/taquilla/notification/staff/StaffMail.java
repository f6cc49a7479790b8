package io.taquilla.notification.staff;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.contracts.identity.PasswordResetRequested;
import io.taquilla.contracts.identity.StaffInvited;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.web.util.HtmlUtils;

/** The invitation and password-reset emails: plain words, the link, when it stops working. */
final class StaffMail {

    record Composed(String kind, String to, String subject, String text, String html) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private StaffMail() {
    }

    /** Null for events that send no email. */
    static Composed compose(TaquillaEvent event) {
        if (event instanceof StaffInvited invited) {
            String where = invited.organizerName() == null ? "Taquilla" : invited.organizerName();
            String intro = invited.invitedBy() + " invited you to " + where + " on Taquilla as " + invited.role() + ".";
            return new Composed("STAFF_INVITATION", invited.email(), "You are invited to " + where + " on Taquilla",
                    text(invited.name(), intro, "Set your password and activate your account:", invited.acceptUrl(),
                            WHEN.format(invited.expiresAt())),
                    html(invited.name(), intro, "Set your password", invited.acceptUrl(), WHEN.format(invited.expiresAt())));
        }
        if (event instanceof PasswordResetRequested reset) {
            String intro = "Someone asked to reset the password of your Taquilla account. If it was not you, ignore this email.";
            return new Composed("PASSWORD_RESET", reset.email(), "Reset your Taquilla password",
                    text(reset.name(), intro, "Choose a new password:", reset.resetUrl(), WHEN.format(reset.expiresAt())),
                    html(reset.name(), intro, "Choose a new password", reset.resetUrl(), WHEN.format(reset.expiresAt())));
        }
        return null;
    }

    private static String text(String name, String intro, String action, String link, String expires) {
        return "Hello " + name + ",\n\n" + intro + "\n\n" + action + "\n" + link + "\n\nThe link works once, until " + expires
                + ".\n\nTaquilla\n";
    }

    private static String html(String name, String intro, String action, String link, String expires) {
        String url = HtmlUtils.htmlEscape(link);
        return "<!doctype html><html><body style=\"font-family:sans-serif\"><p>Hello " + HtmlUtils.htmlEscape(name) + ",</p><p>"
                + HtmlUtils.htmlEscape(intro) + "</p><p><a href=\"" + url + "\">" + HtmlUtils.htmlEscape(action) + "</a></p>"
                + "<p>Or open this address: " + url + "</p><p>The link works once, until " + expires + ".</p></body></html>";
    }
}
