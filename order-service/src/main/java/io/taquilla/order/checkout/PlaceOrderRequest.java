package io.taquilla.order.checkout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/orders}. Shape checks here; business rules in the domain.
 * {@code locale}: optional language tag for the buyer's messages ({@code es}, {@code en}).
 */
record PlaceOrderRequest(
        @NotNull UUID eventId,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Item> items,
        @NotNull @Valid Buyer customer,
        @Size(max = 35) String locale) {

    record Item(@NotNull UUID ticketTypeId, @NotNull @Min(1) @Max(1000) Integer quantity) {}

    record Buyer(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String name,
                 @Size(max = 40) String phone) {}
}
