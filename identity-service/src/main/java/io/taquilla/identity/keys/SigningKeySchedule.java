package io.taquilla.identity.keys;

import io.taquilla.identity.IdentityProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** A key exists from the first start; afterwards the active one is replaced once it is too old. */
@Component
class SigningKeySchedule {

    private final RotateSigningKey rotate;
    private final IdentityProperties properties;

    SigningKeySchedule(RotateSigningKey rotate, IdentityProperties properties) {
        this.rotate = rotate;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstKey() {
        rotate.ensureActiveKey();
    }

    @Scheduled(initialDelayString = "${taquilla.identity.keys.check-interval}", fixedDelayString = "${taquilla.identity.keys.check-interval}")
    void rotateWhenDue() {
        if (!properties.keys().rotateEvery().isZero()) {
            rotate.rotateIf(properties.keys().rotateEvery());
        }
    }
}
