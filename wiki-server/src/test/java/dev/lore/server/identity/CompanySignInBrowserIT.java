package dev.lore.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.browser.Browser;
import dev.lore.server.browser.BrowserExtension;
import dev.lore.server.support.TestLore;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Sign in with ..." in a real Chromium: the redirects to the real provider (mock-oauth2-server)
 * and back, the session it opens, and signing out at Lore and at the provider.
 */
@ExtendWith({TestLore.class, BrowserExtension.class})
class CompanySignInBrowserIT {
    private final TestProvider provider = TestProvider.get();

    @AfterEach
    void reset() {
        provider.reset();
    }

    @Test
    void aNewColleagueSignsInWithTheCompanyAccountLandsWhereTheyWereGoingAndSignsOutEverywhere(
            TestLore.Running running, Browser browser) {
        provider.reset();
        provider.next(
                "sub-dana",
                CompanySignInIT.claims(
                        "dana.novak@acme.example", "Dana Novák", "dana.novak@acme.example", "department", "Data"));
        URI base = CompanySignInIT.withCompanySignIn(running).http().base();

        browser.driver().get(base.resolve("/login?next=%2Fpeople").toString());
        assertThat(browser.text()).contains("Passwords are turned off");
        browser.clickAndWait(browser.link("Sign in with " + CompanySignInIT.SSO));
        browser.waitUntil(d -> URI.create(d.getCurrentUrl()).getPath().equals("/people"));

        assertThat(URI.create(browser.driver().getCurrentUrl()).getPort()).isEqualTo(base.getPort());
        assertThat(browser.find("a.me").getText()).isEqualTo("Dana Novák");
        assertThat(browser.text()).contains("Data");

        browser.signOut();
        // Lore's own page, then the provider's end_session_endpoint, then back to Lore's home page
        browser.waitUntil(d -> d.getCurrentUrl().equals(base.resolve("/").toString()));
        assertThat(browser.waitFor("a[href='/login']").getText()).isEqualTo("Sign in");
        assertThat(browser.findAll("a.me")).isEmpty();
    }
}
