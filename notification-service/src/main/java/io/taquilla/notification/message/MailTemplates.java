package io.taquilla.notification.message;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
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
        return compiled.computeIfAbsent("html:" + name, key -> html.loadTemplate("email/" + name + ".html")).execute(model);
    }

    public String text(String name, Object model) {
        return compiled.computeIfAbsent("text:" + name, key -> text.loadTemplate("email/" + name + ".txt")).execute(model);
    }
}
