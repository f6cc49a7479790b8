package io.taquilla.payment.webhook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.UUID;

/** Null-safe reads from Stripe's JSON (parsed with Gson, as stripe-java does). */
final class StripeJson {

    private StripeJson() {
    }

    static JsonObject dataObject(JsonObject event) {
        JsonObject data = object(event, "data");
        return data == null ? new JsonObject() : nonNull(object(data, "object"));
    }

    static JsonObject object(JsonObject parent, String name) {
        JsonElement element = parent.get(name);
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
    }

    static String text(JsonObject parent, String name) {
        JsonElement element = parent == null ? null : parent.get(name);
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    static Long number(JsonObject parent, String name) {
        JsonElement element = parent == null ? null : parent.get(name);
        if (element == null || !element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        return element.getAsLong();
    }

    /** Our order id, from {@code client_reference_id} or {@code metadata.orderId}; null if absent or not a UUID. */
    static UUID orderId(JsonObject object) {
        String value = text(object, "client_reference_id");
        if (value == null) {
            value = text(object(object, "metadata"), "orderId");
        }
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonObject nonNull(JsonObject object) {
        return object == null ? new JsonObject() : object;
    }
}
