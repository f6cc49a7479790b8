package io.taquilla.order.checkout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuyerLocaleTest {

    @Test
    void theRequestWinsOverTheHeader() {
        assertThat(BuyerLocale.choose("es-MX", "en-GB,en;q=0.9")).isEqualTo("es");
        assertThat(BuyerLocale.choose("en", "es")).isEqualTo("en");
    }

    @Test
    void theHeaderGivesTheBestLanguageWeSpeak() {
        assertThat(BuyerLocale.choose(null, "fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7")).isEqualTo("es");
        assertThat(BuyerLocale.choose(" ", "de, en-US;q=0.5")).isEqualTo("en");
        assertThat(BuyerLocale.choose("fr", "es-AR")).isEqualTo("es");
    }

    @Test
    void anythingElseIsEnglish() {
        assertThat(BuyerLocale.choose(null, null)).isEqualTo("en");
        assertThat(BuyerLocale.choose("zz", "fr")).isEqualTo("en");
        assertThat(BuyerLocale.choose(null, ";;;q=abc,,")).isEqualTo("en");
        assertThat(BuyerLocale.choose(null, "*")).isEqualTo("en");
        assertThat(BuyerLocale.choose(null, "es;q=0")).isEqualTo("en");
    }
}
