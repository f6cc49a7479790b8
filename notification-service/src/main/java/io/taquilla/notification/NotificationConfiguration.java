package io.taquilla.notification;

import com.samskivert.mustache.Mustache;
import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.notification.delivery.DeliveryDispatcher;
import io.taquilla.notification.delivery.DeliveryMetrics;
import io.taquilla.notification.delivery.domain.RetryPolicy;
import io.taquilla.notification.message.MailTemplates;
import io.taquilla.notification.message.MessageComposer;
import io.taquilla.notification.message.TicketLinks;
import io.taquilla.notification.sending.EmailAddresses;
import io.taquilla.notification.sending.EmailSender;
import io.taquilla.notification.sending.SmsSender;
import io.taquilla.notification.sending.SmtpEmailSender;
import io.taquilla.notification.sending.TwilioSmsSender;
import io.taquilla.web.OrderAccessTokens;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Wires providers, templates and the dispatcher from {@link NotificationProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    @Bean
    EmailSender emailSender(JavaMailSender mail, NotificationProperties properties) {
        return new SmtpEmailSender(mail, properties.mailFrom());
    }

    @Bean
    SmsSender smsSender(NotificationProperties properties) {
        NotificationProperties.Twilio twilio = properties.twilio();
        if (!twilio.configured()) {
            log.info("TWILIO_* not set: SMS deliveries are recorded as SKIPPED");
            return SmsSender.disabled();
        }
        return new TwilioSmsSender(twilio.apiBase(), twilio.accountSid(), twilio.authToken(), twilio.from());
    }

    @Bean
    MessageComposer messageComposer(Mustache.Compiler mustache, OrderAccessTokens tokens, NotificationProperties properties) {
        return new MessageComposer(new MailTemplates(mustache), new TicketLinks(properties.publicBaseUrl(), tokens),
                messageIdDomain(properties.mailFrom()));
    }

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry meters) {
        return new DeliveryMetrics(meters);
    }

    @Bean
    DeliveryDispatcher deliveryDispatcher(Jdbi jdbi, MessageComposer composer, EmailSender email, SmsSender sms,
                                          Outbox outbox, DeliveryMetrics metrics, NotificationProperties properties) {
        NotificationProperties.Retry retry = properties.retry();
        return new DeliveryDispatcher(jdbi, composer, email, sms, outbox, metrics, properties.dispatcher(),
                new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff()));
    }

    /** Message-IDs end in the sender's domain, as RFC 5322 recommends. */
    static String messageIdDomain(String mailFrom) {
        return EmailAddresses.domainOf(mailFrom);
    }
}
