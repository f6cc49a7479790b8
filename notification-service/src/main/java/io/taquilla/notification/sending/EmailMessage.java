package io.taquilla.notification.sending;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An email ready to go: both an HTML and a plain-text body, images the HTML refers to as
 * {@code cid:<contentId>}, and attachments.
 *
 * @param messageId a stable Message-ID (without angle brackets) so a re-sent copy of the same
 *                  delivery can be recognised as a duplicate by the receiving side
 * @param headers   extra header fields (e.g. {@code List-Unsubscribe} on mailings), in order
 */
public record EmailMessage(String to, String subject, String text, String html, List<InlineImage> inlineImages,
                           List<Attachment> attachments, String messageId, Map<String, String> headers) {

    public EmailMessage {
        inlineImages = List.copyOf(inlineImages);
        attachments = List.copyOf(attachments);
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A message without extra headers. */
    public EmailMessage(String to, String subject, String text, String html, List<InlineImage> inlineImages,
                        List<Attachment> attachments, String messageId) {
        this(to, subject, text, html, inlineImages, attachments, messageId, Map.of());
    }

    public record InlineImage(String contentId, byte[] bytes, String contentType) {}

    public record Attachment(String filename, byte[] bytes, String contentType) {}
}
