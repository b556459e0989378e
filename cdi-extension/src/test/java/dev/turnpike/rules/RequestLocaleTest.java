package dev.turnpike.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestLocaleTest {

    static Stream<Arguments> fromAcceptLanguage() {
        return Stream.of(
                // no header or no usable entry: empty (the caller's default applies)
                Arguments.of(null, null),
                Arguments.of("", null),
                Arguments.of("*", null),
                Arguments.of(" , ,", null),
                Arguments.of("*;q=0.5, 123", null),
                Arguments.of("\u00fc, \u00e9-fr", null),
                // case is normalised: language lower, country upper
                Arguments.of("FR-ca", "fr_CA"),
                Arguments.of("fr_CA", "fr_CA"),
                Arguments.of("EN", "en"),
                // the first usable entry wins; q-values are ignored
                Arguments.of("en-US,en;q=0.9", "en_US"),
                Arguments.of("de;q=0.1, en;q=0.9", "de"),
                Arguments.of("*, fr", "fr"),
                Arguments.of("*;q=1,it-IT", "it_IT"),
                Arguments.of(",,, ja", "ja"),
                Arguments.of("-US, pt-BR", "pt_BR"),
                Arguments.of("1en, de", "de"),
                Arguments.of("\u00e9-fr, en", "en"),
                // spaces and tabs before an entry are skipped
                Arguments.of("  en", "en"),
                Arguments.of("\ten-gb", "en_GB"),
                // the country is the letters and digits after '-' or '_'; the rest of the entry is ignored
                Arguments.of("es-419", "es_419"),
                Arguments.of("zh-Hant-TW", "zh_HANT"),
                Arguments.of("de-DE-1996", "de_DE"),
                Arguments.of("en-", "en"),
                Arguments.of("en-@x", "en"),
                Arguments.of("en.US", "en"),
                Arguments.of("en US", "en"),
                Arguments.of("en;q=0", "en"),
                // the language is letters only (Resin's code would read e0n, its digit test admitting only 0)
                Arguments.of("e0n-US", "e"),
                Arguments.of("en1-US", "en"),
                // Java 17 keeps the current ISO codes
                Arguments.of("he-IL", "he_IL"),
                Arguments.of("id", "id"));
    }

    @ParameterizedTest
    @MethodSource
    void fromAcceptLanguage(String header, String expected) {
        assertEquals(expected, RequestLocale.fromAcceptLanguage(header).map(Locale::toString).orElse(null));
    }
}
