package io.taquilla.gateway.door;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the door app (the {@code door-app} module's jar, {@code classpath:/door-app/}) at
 * {@code /door/}: static files, {@code /door/callback} (the OAuth redirect, same page) and
 * {@code /door/config.json}. Headers come from {@link DoorHeadersFilter}.
 */
@Configuration(proxyBeanMethods = false)
class DoorApp implements WebMvcConfigurer {

    static final String LOCATION = "classpath:/door-app/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // no-cache = always revalidate (Last-Modified): the service worker is what makes it fast and offline.
        registry.addResourceHandler("/door/**").addResourceLocations(LOCATION).setCacheControl(CacheControl.noCache());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/door", "/door/");
        registry.addViewController("/door/").setViewName("forward:/door/index.html");
        registry.addViewController("/door/callback").setViewName("forward:/door/index.html");
    }

    @Bean
    FilterRegistrationBean<DoorHeadersFilter> doorHeadersFilter() {
        FilterRegistrationBean<DoorHeadersFilter> registration = new FilterRegistrationBean<>(new DoorHeadersFilter());
        registration.addUrlPatterns("/door", "/door/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @RestController
    static class DoorConfig {

        private final DoorAppProperties properties;

        DoorConfig(DoorAppProperties properties) {
            this.properties = properties;
        }

        @GetMapping(value = "/door/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<Map<String, Object>> config() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("devLogin", properties.devLogin());
            if (!properties.issuer().isBlank()) {
                config.put("oidc", Map.of("issuer", properties.issuer(), "clientId", properties.clientId()));
            }
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(config);
        }
    }
}
