package dev.lore.graph.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkillNamesTest {
    @Test
    void caseSpacesAndAccentsDoNotMakeADifferentSkill() {
        assertThat(SkillNames.key("  Incident   Response ")).isEqualTo(SkillNames.key("incident response"));
        assertThat(SkillNames.key("Résumé writing")).isEqualTo(SkillNames.key("resume writing"));
    }

    @Test
    void pluralsFoldToTheSingular() {
        assertThat(SkillNames.key("Microservices")).isEqualTo(SkillNames.key("microservice"));
        assertThat(SkillNames.key("Dependencies")).isEqualTo(SkillNames.key("dependency"));
        assertThat(SkillNames.key("Code reviews")).isEqualTo(SkillNames.key("code review"));
        assertThat(SkillNames.key("Branches")).isEqualTo(SkillNames.key("branch"));
        assertThat(SkillNames.key("Redis")).isEqualTo("redis");
        assertThat(SkillNames.key("Kafka")).isEqualTo("kafka");
        assertThat(SkillNames.key("Go")).isEqualTo("go");
    }

    @Test
    void wellKnownAliasesMapToOneSkillWithItsFullName() {
        assertThat(SkillNames.of("k8s").orElseThrow())
                .isEqualTo(SkillNames.of("Kubernetes").orElseThrow());
        assertThat(SkillNames.of("K8S").orElseThrow().name()).isEqualTo("Kubernetes");
        assertThat(SkillNames.of("postgres").orElseThrow().name()).isEqualTo("PostgreSQL");
        assertThat(SkillNames.key("golang")).isEqualTo(SkillNames.key("Go"));
        assertThat(SkillNames.key("AWS")).isEqualTo(SkillNames.key("amazon web services"));
    }

    @Test
    void keepsTheNameAsWrittenForUnknownSkills() {
        assertThat(SkillNames.of("  Event   sourcing ").orElseThrow().name()).isEqualTo("Event sourcing");
        assertThat(SkillNames.of("   ")).isEmpty();
        assertThat(SkillNames.of(null)).isEmpty();
    }
}
