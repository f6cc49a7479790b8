package io.taquilla.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** A received email taken apart: its leaf parts, each with content type, Content-ID, filename and bytes. */
public record MimeParts(MimeMessage message, List<Leaf> leaves, List<String> multipartTypes) {

    public record Leaf(String contentType, String contentId, String filename, String disposition, byte[] bytes) {

        public boolean is(String mimeType) {
            return contentType.toLowerCase().startsWith(mimeType);
        }

        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public static MimeParts of(MimeMessage message) throws Exception {
        List<Leaf> leaves = new ArrayList<>();
        List<String> multiparts = new ArrayList<>();
        walk(message, leaves, multiparts);
        return new MimeParts(message, leaves, multiparts);
    }

    public List<Leaf> ofType(String mimeType) {
        return leaves.stream().filter(l -> l.is(mimeType)).toList();
    }

    public String html() {
        return single("text/html").text();
    }

    public String plainText() {
        return single("text/plain").text();
    }

    private Leaf single(String mimeType) {
        List<Leaf> found = ofType(mimeType);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + mimeType + " part, found " + found.size());
        }
        return found.get(0);
    }

    private static void walk(Part part, List<Leaf> leaves, List<String> multiparts) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            multiparts.add(multipart.getContentType().split(";")[0].trim().toLowerCase());
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, leaves, multiparts);
            }
            return;
        }
        String[] ids = part instanceof jakarta.mail.internet.MimePart mime ? mime.getHeader("Content-ID") : null;
        byte[] bytes;
        try (var in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        leaves.add(new Leaf(part.getContentType(), ids == null ? null : ids[0], part.getFileName(), part.getDisposition(),
                bytes));
    }
}
