package io.taquilla.notification.staff;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The staff emails' retry timer. */
@Configuration
@EnableScheduling
class StaffEmailScheduling {
}
