package io.github.t3chat4j.application.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.error.NotConfiguredException;
import io.github.t3chat4j.application.LoadBrowserSessionQuery;
import io.github.t3chat4j.domain.browser.Browser;
import io.github.t3chat4j.domain.browser.BrowserSession;
import io.github.t3chat4j.domain.browser.BrowserSessionLookup;
import io.github.t3chat4j.domain.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadBrowserSessionServiceTest {

    private final List<String> asked = new ArrayList<>();

    @Test
    void asksThePortForTheBrowserAndProfileOfTheQuery() {
        BrowserSession session = new BrowserSession(Browser.FIREFOX, "/p", Session.of("wos-session=W", "C"));
        LoadBrowserSessionService service = new LoadBrowserSessionService((browser, profile) -> {
            asked.add(browser.id() + "|" + profile);
            return new BrowserSessionLookup.Found(session);
        });

        BrowserSessionLookup lookup = service.loadBrowserSession(LoadBrowserSessionQuery.parse("firefox:work"));

        assertThat(asked).containsExactly("firefox|work");
        assertThat(lookup).isEqualTo(new BrowserSessionLookup.Found(session));
    }

    @Test
    void passesNotFoundOn_asAnAnswerNotAFailure() {
        BrowserSessionLookup.NotFound notFound = new BrowserSessionLookup.NotFound(Browser.CHROME,
                List.of("/a (no t3.chat cookies)"), "no profile holds a t3.chat session");
        LoadBrowserSessionService service = new LoadBrowserSessionService((browser, profile) -> notFound);

        assertThat(service.loadBrowserSession(LoadBrowserSessionQuery.parse("chrome"))).isEqualTo(notFound);
    }

    @Test
    void refusesASessionFromAnotherBrowserThanAskedFor() {
        LoadBrowserSessionService service = new LoadBrowserSessionService((browser, profile) ->
                new BrowserSessionLookup.Found(new BrowserSession(Browser.CHROMIUM, "/p", Session.of("wos-session=W", "C"))));

        assertThatThrownBy(() -> service.loadBrowserSession(LoadBrowserSessionQuery.parse("brave")))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("wos-session=W");
    }

    @Test
    void saysWhichAdapterIsMissing_whenNoBrowserReaderWasGiven() {
        LocalClient local = LocalClient.of();

        assertThatThrownBy(() -> local.loadBrowserSession(LoadBrowserSessionQuery.parse("firefox")))
                .isInstanceOf(NotConfiguredException.class).hasMessageContaining("browser adapters");
    }

    @Test
    void printsCookieNamesButNoValue() {
        BrowserSession session = new BrowserSession(Browser.FIREFOX, "/p",
                Session.of("wos-session=SECRET-W; theme=SECRET-T", "SECRET-C"));

        assertThat(session.toString()).contains("wos-session", "theme").doesNotContain("SECRET");
        assertThat(Map.of("s", session).toString()).doesNotContain("SECRET");
    }
}
