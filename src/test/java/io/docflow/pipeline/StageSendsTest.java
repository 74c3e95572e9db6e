package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.event.ExchangeCreatedEvent;
import org.apache.camel.impl.event.ExchangeSendingEvent;
import org.apache.camel.impl.event.ExchangeSentEvent;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which of Camel's events a stage watcher hears, built by hand: no route runs. */
class StageSendsTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final Exchange exchange = new DefaultExchange(camel);

    private record Heard(String stage, long millis) {
    }

    private static final class Recorder extends StageSends {
        final List<Heard> heard = new ArrayList<>();

        Recorder(boolean entering) {
            super(entering);
        }

        @Override
        void stage(String stage, Exchange exchange, long millis) {
            heard.add(new Heard(stage, millis));
        }
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    private void deliver(Recorder recorder, org.apache.camel.spi.CamelEvent event) throws Exception {
        if (recorder.isEnabled(event)) {
            recorder.notify(event);
        }
    }

    @Test
    void anEnteringWatcherHearsTheStartOfEachSendToADirectStageOnly() throws Exception {
        Recorder entering = new Recorder(true);

        deliver(entering, new ExchangeSendingEvent(exchange, camel.getEndpoint("direct:classify")));
        deliver(entering, new ExchangeSentEvent(exchange, camel.getEndpoint("direct:classify"), 40));
        deliver(entering, new ExchangeSendingEvent(exchange, camel.getEndpoint("log:audit")));
        deliver(entering, new ExchangeCreatedEvent(exchange));

        assertThat(entering.heard).containsExactly(new Heard("classify", 0));
    }

    @Test
    void aLeavingWatcherHearsEachSendsEndWithItsDuration() throws Exception {
        Recorder leaving = new Recorder(false);

        deliver(leaving, new ExchangeSendingEvent(exchange, camel.getEndpoint("direct:extract-fields")));
        deliver(leaving, new ExchangeSentEvent(exchange, camel.getEndpoint("direct:extract-fields"), 250));
        deliver(leaving, new ExchangeSentEvent(exchange, camel.getEndpoint("log:audit"), 3));

        assertThat(leaving.heard).containsExactly(new Heard("extract-fields", 250));
    }

    @Test
    void itIgnoresEveryOtherKindOfEventBeforeTheyAreMade() {
        Recorder entering = new Recorder(true);
        Recorder leaving = new Recorder(false);

        assertThat(entering.isIgnoreExchangeSendingEvents()).isFalse();
        assertThat(entering.isIgnoreExchangeSentEvents()).isTrue();
        assertThat(leaving.isIgnoreExchangeSendingEvents()).isTrue();
        assertThat(leaving.isIgnoreExchangeSentEvents()).isFalse();
        for (Recorder recorder : List.of(entering, leaving)) {
            assertThat(recorder.isIgnoreCamelContextEvents()).isTrue();
            assertThat(recorder.isIgnoreRouteEvents()).isTrue();
            assertThat(recorder.isIgnoreExchangeCreatedEvent()).isTrue();
            assertThat(recorder.isIgnoreExchangeCompletedEvent()).isTrue();
            assertThat(recorder.isIgnoreExchangeFailedEvents()).isTrue();
            assertThat(recorder.isIgnoreStepEvents()).isTrue();
        }
    }
}
