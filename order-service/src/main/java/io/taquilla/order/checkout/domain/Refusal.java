package io.taquilla.order.checkout.domain;

/**
 * Why an order cannot be placed as asked, before inventory is even looked at.
 *
 * @param reason a stable slug, used as the problem type at the HTTP edge
 */
public record Refusal(Reason reason, String detail) {

    public enum Reason {
        EVENT_CANCELLED("event-cancelled"),
        NOT_ON_SALE("not-on-sale"),
        UNKNOWN_TICKET_TYPE("unknown-ticket-type"),
        OVER_MAX_PER_ORDER("quantity-over-limit"),
        DUPLICATE_LINE("duplicate-line"),
        MIXED_CURRENCIES("mixed-currencies");

        private final String slug;

        Reason(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }
}
