package io.docflow.local.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultsTest {

    private final Faults faults = new Faults();

    @Test
    void aCountedFaultHitsTheNextNCallsOnly() {
        faults.inject("m", Fault.THROTTLING, 2);

        assertThat(faults.next("m")).contains(Fault.THROTTLING);
        assertThat(faults.next("m")).contains(Fault.THROTTLING);
        assertThat(faults.next("m")).isEmpty();
    }

    @Test
    void aModelsOwnFaultsComeBeforeTheStarFaultsAndTheStarFaultsHitEveryModel() {
        faults.inject(LocalBedrock.ALL_MODELS, Fault.INTERNAL_SERVER, 2);
        faults.inject("m", Fault.NON_JSON, 1);

        assertThat(faults.next("m")).contains(Fault.NON_JSON);
        assertThat(faults.next("m")).contains(Fault.INTERNAL_SERVER);
        assertThat(faults.next("other")).contains(Fault.INTERNAL_SERVER);
        assertThat(faults.next("other")).isEmpty();
    }

    @Test
    void probabilityZeroNeverFiresAndOneAlwaysDoes() {
        faults.injectWithProbability("never", Fault.THROTTLING, 0.0);
        faults.injectWithProbability("always", Fault.THROTTLING, 1.0);

        for (int i = 0; i < 100; i++) {
            assertThat(faults.next("never")).isEmpty();
            assertThat(faults.next("always")).isPresent();
        }
    }

    @Test
    void faultsAreNamedByEnumOrErrorTypeName() {
        assertThat(Fault.parse("ThrottlingException")).isEqualTo(Fault.THROTTLING);
        assertThat(Fault.parse("truncated_json")).isEqualTo(Fault.TRUNCATED_JSON);
        assertThatThrownBy(() -> Fault.parse("BOOM")).hasMessageContaining("MISSING_FIELDS");
    }
}
