package io.taquilla.order.checkout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BuyerContactTest {

    @Test
    void phonesBecomeE164OrAreRefused() {
        assertThat(BuyerContact.normalisePhone("+34 600 123 456")).contains("+34600123456");
        assertThat(BuyerContact.normalisePhone("0034 (600) 12-34.56")).contains("+34600123456");
        assertThat(BuyerContact.normalisePhone("+1 (415) 555-0100")).contains("+14155550100");
        assertThat(BuyerContact.normalisePhone(null)).isEmpty();
        assertThat(BuyerContact.normalisePhone("  ")).isEmpty();
        for (String bad : List.of("600123456", "+0123456789", "+12", "+34 600 abc", "+1234567890123456")) {
            assertThatThrownBy(() -> BuyerContact.normalisePhone(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void emailsNeedALocalPartAndADottedDomain() {
        assertThat(BuyerContact.validEmail("ana.buyer+tix@example.co.uk")).isTrue();
        for (String bad : List.of("", "ana", "ana@", "@example.com", "ana@example", "a b@example.com", "a@@example.com")) {
            assertThat(BuyerContact.validEmail(bad)).as(bad).isFalse();
        }
        assertThat(BuyerContact.validEmail(null)).isFalse();
        assertThat(BuyerContact.normaliseEmail(" Ana@Example.COM ")).isEqualTo("Ana@example.com");
    }

    @Test
    void theFingerprintIgnoresLineOrderButNotContent() {
        UUID event = UUID.randomUUID();
        RequestedLine a = new RequestedLine(UUID.randomUUID(), 1);
        RequestedLine b = new RequestedLine(UUID.randomUUID(), 2);
        String one = RequestFingerprint.of(event, List.of(a, b), "x@example.com", "X", null);
        assertThat(RequestFingerprint.of(event, List.of(b, a), "x@example.com", "X", null)).isEqualTo(one);
        assertThat(RequestFingerprint.of(event, List.of(a), "x@example.com", "X", null)).isNotEqualTo(one);
        assertThat(RequestFingerprint.of(event, List.of(a, b), "y@example.com", "X", null)).isNotEqualTo(one);
        assertThat(RequestFingerprint.of(event, List.of(a, b), "x@example.com", "X", "+34600123456")).isNotEqualTo(one);
    }
}
