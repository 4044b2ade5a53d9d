package io.github.t3chat4j.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.domain.browser.Browser;
import org.junit.jupiter.api.Test;

class LoadBrowserSessionQueryTest {

    @Test
    void readsABrowserAlone_asItsDefaultProfile() {
        assertThat(LoadBrowserSessionQuery.parse("Firefox")).isEqualTo(new LoadBrowserSessionQuery(Browser.FIREFOX, ""));
    }

    @Test
    void keepsEverythingAfterTheFirstColon_asTheProfile() {
        assertThat(LoadBrowserSessionQuery.parse("chrome:Profile 1").profile()).isEqualTo("Profile 1");
        assertThat(LoadBrowserSessionQuery.parse("chromium:C:\\Users\\me\\chromium").profile())
                .isEqualTo("C:\\Users\\me\\chromium");
        assertThat(LoadBrowserSessionQuery.parse("google-chrome").browser()).isEqualTo(Browser.CHROME);
    }

    @Test
    void namesTheKnownBrowsers_whenTheBrowserIsUnknown() {
        assertThatThrownBy(() -> LoadBrowserSessionQuery.parse("netscape:default"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'netscape'").hasMessageContaining("firefox, librewolf, waterfox, chromium");
    }
}
