package dev.turnpike.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The six-bit alphabet of Resin session ids, both ways, at every range boundary. */
class SessionAlphabetTest {

    static Stream<Arguments> boundaries() {
        return Stream.of(
                // lower case letters: 0-25
                Arguments.of(0, 'a'), Arguments.of(1, 'b'), Arguments.of(25, 'z'),
                // upper case letters: 26-51 (an ASCII-order alphabet would put them first)
                Arguments.of(26, 'A'), Arguments.of(51, 'Z'),
                // digits: 52-61
                Arguments.of(52, '0'), Arguments.of(61, '9'),
                // the two signs: 62 and 63 (base64's '+' and '/' would not survive a URL)
                Arguments.of(62, '_'), Arguments.of(63, '-'));
    }

    @ParameterizedTest
    @MethodSource("boundaries")
    void valueAndCharacter(int value, char c) {
        assertEquals(c, SessionAlphabet.encode(value));
        assertEquals(value, SessionAlphabet.decode(c));
    }

    @Test
    void everyValueRoundTrips() {
        for (int value = 0; value < 64; value++) {
            assertEquals(value, SessionAlphabet.decode(SessionAlphabet.encode(value)));
        }
    }

    @ParameterizedTest
    @ValueSource(chars = {'.', '=', ' ', '+', '/', '\u007f', '\u0000', '\u00e2', '\u0100', '\u0161', '\uffff'})
    void charactersOutsideTheAlphabetDecodeToMinusOne(char c) {
        // '\u00e2' & 0x7f is 'b': masking to seven bits, as Resin's balancer does, would read it as 1
        assertEquals(SessionAlphabet.NOT_IN_ALPHABET, SessionAlphabet.decode(c));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 64, Integer.MIN_VALUE})
    void valuesOutsideSixBitsAreRefused(int value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionAlphabet.encode(value));
        assertEquals("session alphabet value: " + value + " (expected: 0-63)", e.getMessage());
    }
}
