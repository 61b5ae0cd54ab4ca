package dev.lore.server.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void makesLowercaseHyphenatedAsciiSlugs() {
        assertThat(Slugs.slugify("Kafka Consumer Groups")).isEqualTo("kafka-consumer-groups");
        assertThat(Slugs.slugify("  Café & Crème brûlée!  ")).isEqualTo("cafe-creme-brulee");
        assertThat(Slugs.slugify("C++ vs C#")).isEqualTo("c-plus-plus-vs-c-sharp");
        assertThat(Slugs.slugify("CI/CD: the 2026 way")).isEqualTo("ci-cd-the-2026-way");
    }

    @Test
    void neverReturnsAnEmptyOrOverlongSlug() {
        assertThat(Slugs.slugify("!!!")).isEqualTo("page");
        assertThat(Slugs.slugify("日本語")).isEqualTo("page");
        assertThat(Slugs.slugify("word ".repeat(50)))
                .hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH)
                .doesNotEndWith("-");
    }
}
