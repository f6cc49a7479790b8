package io.taquilla.contracts.common;

/**
 * The buyer as given at checkout; copied into events so downstream services (notifications) need
 * not call back to ordering.
 *
 * @param email where tickets and notices go
 * @param name  buyer's name
 * @param phone E.164 phone number for SMS; nullable: SMS is optional
 */
public record Customer(String email, String name, String phone) {
}
