package io.taquilla.notification.message;

import io.taquilla.ticketrender.TicketLanguage;

/** The few phrases of buyer messages that live in code rather than templates: subjects and the SMS. */
final class Wording {

    private Wording() {
    }

    static String ticketsSubject(TicketLanguage language, String eventName) {
        return (language == TicketLanguage.ES ? "Tus entradas para " : "Your tickets for ") + eventName;
    }

    static String expiredSubject(TicketLanguage language, String reference) {
        return language == TicketLanguage.ES ? "Tu reserva ha caducado (pedido " + reference + ")"
                : "Your reservation expired (order " + reference + ")";
    }

    static String refundSubject(TicketLanguage language, String about) {
        return (language == TicketLanguage.ES ? "Tu reembolso de " : "Your refund for ") + about;
    }

    static String orderAbout(TicketLanguage language, String reference) {
        return (language == TicketLanguage.ES ? "el pedido " : "order ") + reference;
    }

    static String latePaymentSubject(TicketLanguage language, String reference) {
        return language == TicketLanguage.ES ? "Te devolvemos el pago del pedido " + reference
                : "Your payment for order " + reference + " is refunded";
    }

    static String ticketsSms(TicketLanguage language, int count, String eventName, String when, String link) {
        if (language == TicketLanguage.ES) {
            return "Taquilla: tus " + (count == 1 ? "entrada" : count + " entradas") + " para " + eventName + " ("
                    + when + "): " + link;
        }
        return "Taquilla: your " + count + (count == 1 ? " ticket" : " tickets") + " for " + eventName + " (" + when
                + "): " + link;
    }
}
