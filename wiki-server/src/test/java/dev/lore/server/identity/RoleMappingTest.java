package dev.lore.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.identity.RoleChoice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleMappingTest {
    private final RoleMapping mapping = RoleMapping.parse("wiki-admins:admin, wiki-champions:champion, *:reader");

    @Test
    void theHighestMappedGroupWinsWhateverTheRoleWas() {
        assertThat(mapping.choose(List.of("wiki-champions", "wiki-admins"), Optional.of("reader"), Optional.empty()))
                .isEqualTo(new RoleChoice("admin", true));
    }

    @Test
    void newPeopleAndMappedRolesFallBackToTheDefault() {
        assertThat(mapping.choose(List.of("staff"), Optional.empty(), Optional.empty()))
                .isEqualTo(new RoleChoice("reader", true));
        assertThat(mapping.choose(List.of(), Optional.of("admin"), Optional.of("admin")))
                .isEqualTo(new RoleChoice("reader", true));
    }

    @Test
    void aRoleSetByHandIsKeptWithoutAMappedGroup() {
        assertThat(mapping.choose(List.of("staff"), Optional.of("champion"), Optional.of("reader")))
                .isEqualTo(new RoleChoice("champion", false));
    }

    @Test
    void withoutAMappingNewPeopleContribute() {
        assertThat(RoleMapping.parse("").choose(List.of(), Optional.empty(), Optional.empty()))
                .isEqualTo(new RoleChoice("contributor", true));
    }

    @Test
    void rejectsEntriesWithoutARoleOrWithAnUnknownOne() {
        assertThatThrownBy(() -> RoleMapping.parse("wiki-admins")).hasMessageContaining("group:role");
        assertThatThrownBy(() -> RoleMapping.parse("wiki-admins:owner")).hasMessageContaining("owner");
    }

    @Test
    void aPersonIdComesFromTheUsernameBeforeTheAt() {
        assertThat(CompanySignIn.preferredId("Ana.Silva@corp.example", Optional.empty(), "s"))
                .isEqualTo("ana.silva");
        assertThat(CompanySignIn.preferredId("", Optional.of("Bo Li@x.y"), "s")).isEqualTo("bo-li");
        assertThat(CompanySignIn.preferredId("李", Optional.empty(), "subject-1"))
                .startsWith("user-");
    }
}
