package io.taquilla.notification.message;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.taquilla.ticketrender.TicketLanguage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mustache templates under {@code classpath:/templates/email/}. HTML templates escape every
 * {@code {{value}}} (buyer and event names are user text); text templates do not, because a plain
 * text part is never interpreted as markup. Templates are compiled once.
 */
public class MailTemplates {

    private final Mustache.Compiler html;
    private final Mustache.Compiler text;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    /** {@code compiler} is Spring Boot's, which loads {@code classpath:/templates/<name>.mustache}. */
    public MailTemplates(Mustache.Compiler compiler) {
        this.html = compiler.escapeHTML(true).nullValue("");
        this.text = compiler.escapeHTML(false).nullValue("");
    }

    public String html(String name, Object model) {
        return html(name, TicketLanguage.EN, model);
    }

    public String text(String name, Object model) {
        return text(name, TicketLanguage.EN, model);
    }

    /** English templates are {@code email/<name>}, Spanish ones {@code email/es/<name>}. */
    public String html(String name, TicketLanguage language, Object model) {
        String path = path(name, language) + ".html";
        return compiled.computeIfAbsent("html:" + path, key -> html.loadTemplate(path)).execute(model);
    }

    public String text(String name, TicketLanguage language, Object model) {
        String path = path(name, language) + ".txt";
        return compiled.computeIfAbsent("text:" + path, key -> text.loadTemplate(path)).execute(model);
    }

    private static String path(String name, TicketLanguage language) {
        return language == TicketLanguage.ES ? "email/es/" + name : "email/" + name;
    }
}
