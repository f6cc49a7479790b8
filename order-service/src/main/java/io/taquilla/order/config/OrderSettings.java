package io.taquilla.order.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code taquilla.orders}.
 *
 * @param holdDuration  how long an unpaid order keeps its tickets ({@code ORDER_HOLD_DURATION})
 * @param publicBaseUrl the gateway origin buyers see, for links ({@code PUBLIC_BASE_URL})
 */
@ConfigurationProperties("taquilla.orders")
public record OrderSettings(@DefaultValue("15m") Duration holdDuration,
                            @DefaultValue("http://localhost:8080") String publicBaseUrl) {
}
