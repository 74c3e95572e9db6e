package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PoisonMessagesTest {

    @Test
    void theReceiveThatReachesMaxReceiveCountIsTheLast() {
        assertThat(PoisonMessages.lastReceive(Map.of("ApproximateReceiveCount", "5"), 5)).isTrue();
        assertThat(PoisonMessages.lastReceive(Map.of("ApproximateReceiveCount", "6"), 5)).isTrue();
        assertThat(PoisonMessages.lastReceive(Map.of("ApproximateReceiveCount", "4"), 5)).isFalse();
    }

    @Test
    void withoutTheAttributeNoReceiveIsTheLast() {
        assertThat(PoisonMessages.lastReceive(null, 5)).isFalse();
        assertThat(PoisonMessages.lastReceive(Map.of("SentTimestamp", "1"), 5)).isFalse();
    }
}
