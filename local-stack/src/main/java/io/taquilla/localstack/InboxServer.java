package io.taquilla.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local mail inbox: {@code /} lists received messages as a page, {@code /messages} as JSON
 * (used by {@code ./taquilla inbox} and the demo), {@code /messages/{n}} shows one message's raw
 * MIME source.
 */
final class InboxServer implements AutoCloseable {

    private final HttpServer server;
    private final GreenMail mail;
    private final JsonMapper json = JsonMapper.builder().build();

    InboxServer(GreenMail mail, int port) throws IOException {
        this.mail = mail;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/messages", this::messages);
        server.createContext("/", this::page);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private List<Map<String, Object>> summaries() throws MessagingException {
        List<Map<String, Object>> list = new ArrayList<>();
        MimeMessage[] received = mail.getReceivedMessages();
        for (int i = 0; i < received.length; i++) {
            MimeMessage message = received[i];
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("index", i);
            summary.put("subject", message.getSubject());
            summary.put("to", addresses(message.getAllRecipients()));
            summary.put("from", addresses(message.getFrom()));
            summary.put("sentAt", message.getSentDate() == null ? null : message.getSentDate().toInstant().toString());
            list.add(summary);
        }
        return list;
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private void messages(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.matches("/messages/\\d+")) {
                int index = Integer.parseInt(path.substring("/messages/".length()));
                MimeMessage[] received = mail.getReceivedMessages();
                if (index >= received.length) {
                    send(exchange, 404, "text/plain", "no such message");
                    return;
                }
                java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
                received[index].writeTo(raw);
                send(exchange, 200, "message/rfc822", raw.toString(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, "application/json", json.writeValueAsString(summaries()));
        } catch (MessagingException e) {
            send(exchange, 500, "text/plain", e.getMessage());
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        try {
            StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>Taquilla inbox</title>"
                    + "<meta http-equiv=refresh content=5><h1>Local inbox</h1><table border=1 cellpadding=6>"
                    + "<tr><th>#</th><th>to</th><th>subject</th><th>sent</th></tr>");
            for (Map<String, Object> m : summaries()) {
                html.append("<tr><td><a href=/messages/").append(m.get("index")).append('>').append(m.get("index"))
                        .append("</a></td><td>").append(HtmlUtils.htmlEscape(String.valueOf(m.get("to"))))
                        .append("</td><td>").append(HtmlUtils.htmlEscape(String.valueOf(m.get("subject"))))
                        .append("</td><td>").append(m.get("sentAt")).append("</td></tr>");
            }
            send(exchange, 200, "text/html; charset=utf-8", html.append("</table>").toString());
        } catch (MessagingException e) {
            send(exchange, 500, "text/plain", e.getMessage());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
