package io.taquilla.catalog.event.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void derivesReadableAsciiSlugsFromNames() {
        assertThat(Slugs.fromName("Noche de Flamenco — Sala Él")).isEqualTo("noche-de-flamenco-sala-el");
        assertThat(Slugs.fromName("  Rock!!  2030 ")).isEqualTo("rock-2030");
        assertThat(Slugs.fromName("🎉🎉")).isEqualTo("event");
        assertThat(Slugs.fromName("a".repeat(200))).hasSize(Slugs.MAX_LENGTH);
        assertThat(Slugs.isValid(Slugs.fromName("Über Straße Fest"))).isTrue();
    }

    @Test
    void numbersTakenSlugsWithinTheLengthLimit() {
        assertThat(Slugs.numbered("rock-2030", 2)).isEqualTo("rock-2030-2");
        String longSlug = Slugs.fromName("b".repeat(200));
        assertThat(Slugs.numbered(longSlug, 12)).hasSize(Slugs.MAX_LENGTH).endsWith("-12");
    }

    @Test
    void rejectsSlugsThatCouldBeConfusedWithIdsOrUrls() {
        assertThat(Slugs.isValid("rock-2030")).isTrue();
        assertThat(Slugs.isValid("rock--2030")).isFalse();
        assertThat(Slugs.isValid("-rock")).isFalse();
        assertThat(Slugs.isValid("rock/2030")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
        assertThat(Slugs.isValid(null)).isFalse();
        assertThat(Slugs.isValid("123e4567-e89b-12d3-a456-426614174000")).isFalse();
    }
}
