package io.taquilla.order;

import io.taquilla.order.config.OrderSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Orders, the inventory ledger and holds; turns payments into confirmed orders. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(OrderSettings.class)
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }
}
