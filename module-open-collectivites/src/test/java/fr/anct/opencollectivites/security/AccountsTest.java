package fr.anct.opencollectivites.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.authoring.AuthoringFixture;

/** The first administrator's command and the users page say why a login cannot be taken. */
@Tag("repository")
@Tag("http")
class AccountsTest {
    private AuthoringFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AuthoringFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    private AccountException refusal(String login) {
        return catchThrowableOfType(() -> fixture.repository.withSystemSession(session ->
                fixture.feature.accounts.create(session, login, AuthoringFixture.PASSWORD.toCharArray(),
                        login + "@example.fr", login, Set.of(Role.ADMINISTRATOR), Set.of())), AccountException.class);
    }

    @Test
    void theRepositorysOwnAccountsAndGroupsAreReservedAnAuthorsLoginIsTaken() {
        fixture.user("marie", Set.of(Role.EDITOR), Set.of());
        assertThat(refusal("admin").key()).isEqualTo("security.account.reserved");
        assertThat(refusal("anonymous").key()).isEqualTo("security.account.reserved");
        assertThat(refusal("marie").key()).isEqualTo("security.account.exists");
        assertThat(fixture.messages.get("security.account.reserved", "admin"))
                .isEqualTo("L'identifiant « admin » est réservé au dépôt (compte système ou groupe de rôles) : choisissez-en un autre.");
    }
}
