-- The event cancellation saga's email: one per order, whatever the number of refund events.
alter table delivery drop constraint delivery_kind_check;
alter table delivery add constraint delivery_kind_check
    check (kind in ('TICKETS', 'ORDER_EXPIRED', 'REFUND', 'LATE_PAYMENT_REFUNDED', 'EVENT_CANCELLED'));
