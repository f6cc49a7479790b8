package io.taquilla.notification.newsletter;

import com.samskivert.mustache.Mustache;
import io.taquilla.notification.NotificationProperties;
import io.taquilla.notification.message.MailTemplates;
import io.taquilla.notification.sending.EmailAddresses;
import io.taquilla.notification.sending.EmailSender;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NewsletterConfiguration {

    @Bean
    NewsletterSubscriptions newsletterSubscriptions(Jdbi jdbi, EmailSender sender, Mustache.Compiler mustache,
                                                    NotificationProperties properties) {
        return new NewsletterSubscriptions(jdbi, sender, new NewsletterMail(new MailTemplates(mustache),
                properties.publicBaseUrl(), EmailAddresses.domainOf(properties.mailFrom())));
    }
}
