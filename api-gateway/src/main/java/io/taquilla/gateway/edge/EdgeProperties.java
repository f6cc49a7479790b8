package io.taquilla.gateway.edge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedOrigins the purchase site's origin(s) (env {@code PURCHASE_SITE_ORIGINS}, comma separated)
 */
@ConfigurationProperties("taquilla.gateway.cors")
public record EdgeProperties(@DefaultValue("http://localhost:3000") List<String> allowedOrigins) {
}
