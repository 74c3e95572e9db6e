package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ChecksumsTest {

    @Test
    void ibansAreCheckedByMod97() {
        assertThat(Checksums.ibanRemainder(Checksums.compact("DE89 3704 0044 0532 0130 00"))).isEqualTo(1);
        assertThat(Checksums.ibanRemainder(Checksums.compact("fr14 2004 1010 0505 0001 3m02 606"))).isEqualTo(1);
        assertThat(Checksums.ibanRemainder(Checksums.compact("DE88 3704 0044 0532 0130 00"))).isNotEqualTo(1);
    }

    @Test
    void cardNumbersAreCheckedByLuhn() {
        assertThat(Checksums.passesLuhn("4111111111111111")).isTrue();
        assertThat(Checksums.passesLuhn("5500005555555559")).isTrue();
        assertThat(Checksums.passesLuhn("4111111111111112")).isFalse();
    }

    @Test
    void maskedNumbersAreRecognised() {
        assertThat(Checksums.isMasked("************1234")).isTrue();
        assertThat(Checksums.isMasked("XXXX XXXX XXXX 1234")).isTrue();
        assertThat(Checksums.isMasked("4111 1111 1111 1111")).isFalse();
        assertThat(Checksums.isMasked("XK05 1212 0123 4567 8906")).isFalse();
    }

    @Test
    void cardNumbersAreMaskedToTheirLastFourDigitsKeepingTheirSpacing() {
        assertThat(CardMasking.mask("4111 1111 1111 1234")).isEqualTo("**** **** **** 1234");
        assertThat(CardMasking.maskIn("VISA 4111-1111-1111-1234 and 4000 0000 0000 0002", Set.of("4111111111111234")))
                .isEqualTo("VISA ****-****-****-1234 and 4000 0000 0000 0002");
    }
}
