-- Everything Stripe says was refunded on the payment so far (charge.amount_refunded is
-- cumulative), so a partial refund is published once, and only its increase.
alter table payment_attempts add column refunded_minor bigint not null default 0;
