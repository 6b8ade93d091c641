package org.jumpdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jumpdesk.shared.JumpDeskStatus;
import org.junit.jupiter.api.Test;

/** Every text exists in English and Spanish; the catalogue's Spanish texts are the user's own words. */
class MessageBundlesTest {

    private static final String BUNDLE = "org.jumpdesk.web.messages";
    private final ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
    private final ResourceBundle spanish = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("es"));

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(spanish.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        assertThat(spanish.getLocale().getLanguage()).isEqualTo("es");
    }

    @Test
    void everyStatusHasATextInBothLanguages() {
        Arrays.stream(JumpDeskStatus.values()).forEach(status -> {
            assertThat(english.getString(status.bundleKey())).isNotBlank();
            assertThat(spanish.getString(status.bundleKey()))
                    .isNotBlank()
                    .isNotEqualTo(english.getString(status.bundleKey()));
        });
    }

    @Test
    void spanishCatalogueTextsAreTheGuidesWordForWord() {
        assertThat(spanish.getString("status.JC_NOT_FOUND")).isEqualTo("El Jump Client no existe.");
        assertThat(spanish.getString("status.SERVER_BUSY"))
                .isEqualTo("El servidor se encuentra demasiado ocupado. Vuelva a intentarlo más tarde.");
        assertThat(spanish.getString("status.JC_ACTIVE_LIMIT_ON_SWITCH"))
                .isEqualTo("Se alcanzó el número de Jump Clients activos.");
    }
}
