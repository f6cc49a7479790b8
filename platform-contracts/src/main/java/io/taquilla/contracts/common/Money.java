package io.taquilla.contracts.common;

/**
 * An amount of money as integer minor units (cents) of an ISO 4217 currency, never floating point,
 * so totals add up exactly and match what Stripe charges.
 *
 * @param amountMinor amount in the currency's minor unit, e.g. 2500 = 25.00 EUR; never negative
 * @param currency    ISO 4217 code, upper case, e.g. {@code EUR}
 */
public record Money(long amountMinor, String currency) {
}
