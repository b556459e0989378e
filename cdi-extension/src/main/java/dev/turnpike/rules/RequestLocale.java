package dev.turnpike.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * The request locale as Resin derives it from {@code Accept-Language}, the value that
 * {@code resin:IfLocale} and the {@code locale} condition match against.
 *
 * <p>Only the first usable entry of the header counts; q-values are ignored, so the order of the
 * header wins. In an entry, after optional spaces or tabs, the language is the run of ASCII
 * letters; if a {@code -} or {@code _} follows, the country is the run of ASCII letters and
 * digits after it; anything else in the entry is ignored. Entries without a leading letter,
 * such as {@code *}, are skipped. The {@link Locale} lower-cases the language and upper-cases the
 * country, so {@code FR-ca} gives {@code fr_CA} and {@code es-419} gives {@code es_419}.
 *
 * <p>Unlike Resin, the language takes letters only. Resin's code means to take letters and
 * digits, but its digit test admits only {@code 0}, so it reads {@code e0n} as the language
 * {@code e0n}; here that entry gives {@code e}. Language subtags are alphabetic (BCP 47), so
 * neither reading of digits is kept.
 */
public final class RequestLocale {

    private RequestLocale() {
    }

    /**
     * @param header the first {@code Accept-Language} header value, or {@code null}
     * @return the locale of its first usable entry, or empty when there is none (the caller then
     *         falls back to its default, Resin uses the JVM's)
     */
    public static Optional<Locale> fromAcceptLanguage(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int start = 0;
        while (start <= header.length()) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = header.length();
            }
            Locale locale = entry(header, start, end);
            if (locale != null) {
                return Optional.of(locale);
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    private static Locale entry(String header, int start, int end) {
        int i = start;
        while (i < end && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
            i++;
        }
        int languageStart = i;
        while (i < end && isLetter(header.charAt(i))) {
            i++;
        }
        if (i == languageStart) {
            return null;
        }
        String language = header.substring(languageStart, i);
        String country = "";
        if (i < end && (header.charAt(i) == '-' || header.charAt(i) == '_')) {
            int countryStart = ++i;
            while (i < end && (isLetter(header.charAt(i)) || isDigit(header.charAt(i)))) {
                i++;
            }
            country = header.substring(countryStart, i);
        }
        return new Locale(language, country);
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
