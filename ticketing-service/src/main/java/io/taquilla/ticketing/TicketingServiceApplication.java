package io.taquilla.ticketing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Issues tickets with signed QR codes for confirmed orders; revokes refunded ones. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TicketingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TicketingServiceApplication.class, args);
    }
}
