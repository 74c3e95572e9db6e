package io.docflow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AdminControllerTest {

    /** The redrive as far as the controller sees it: what it was asked for. */
    private final List<Integer> asked = new ArrayList<>();
    private final AdminController controller = new AdminController(new DeadLetterRedrive(null, null, null, null) {
        @Override
        public Outcome redrive(int maxMessages) {
            asked.add(maxMessages);
            return new Outcome(maxMessages, 0);
        }
    });

    @Test
    void aRedriveOfOneToTenThousandMessagesIsPassedOn() {
        assertThat(controller.redrive(1)).isEqualTo(new DeadLetterRedrive.Outcome(1, 0));
        assertThat(controller.redrive(10_000)).isEqualTo(new DeadLetterRedrive.Outcome(10_000, 0));
        assertThat(asked).containsExactly(1, 10_000);
    }

    @Test
    void aMaximumOutsideTheRangeIsRefusedBeforeAnythingMoves() {
        assertThatThrownBy(() -> controller.redrive(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> controller.redrive(10_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max must be between 1 and 10000, was 10001");
        assertThat(asked).isEmpty();
    }
}
