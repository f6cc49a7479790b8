package io.taquilla.notification.sending;

import java.util.List;

/**
 * An email ready to go: both an HTML and a plain-text body, images the HTML refers to as
 * {@code cid:<contentId>}, and attachments.
 *
 * @param messageId a stable Message-ID (without angle brackets) so a re-sent copy of the same
 *                  delivery can be recognised as a duplicate by the receiving side
 */
public record EmailMessage(String to, String subject, String text, String html, List<InlineImage> inlineImages,
                           List<Attachment> attachments, String messageId) {

    public EmailMessage {
        inlineImages = List.copyOf(inlineImages);
        attachments = List.copyOf(attachments);
    }

    public record InlineImage(String contentId, byte[] bytes, String contentType) {}

    public record Attachment(String filename, byte[] bytes, String contentType) {}
}
