package org.reportplatform.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamPositionTest {

    @Test
    void anIdIsOneOffsetPerPartitionInPartitionOrder() {
        StreamPosition position = StreamPosition.of(4521, 4400, 4388);
        assertThat(position).hasToString("0=4521;1=4400;2=4388");
        assertThat(StreamPosition.parse("0=4521;1=4400;2=4388")).contains(position);
        assertThat(StreamPosition.parse(" 0=7 ")).contains(StreamPosition.of(7));
    }

    @Test
    void whatIsNotAnIdOfThisStreamIsNoPosition() {
        // a number is an id from before positions (docs/adr/0012); the rest was never given out
        assertThat(StreamPosition.parse("999999999999")).isEmpty();
        assertThat(StreamPosition.parse("abc")).isEmpty();
        assertThat(StreamPosition.parse("")).isEmpty();
        assertThat(StreamPosition.parse("1=5;0=4")).isEmpty();
        assertThat(StreamPosition.parse("0=4;;1=5")).isEmpty();
        assertThat(StreamPosition.parse("0=-4")).isEmpty();
        assertThat(StreamPosition.parse("0=99999999999999999999")).isEmpty();
    }

    @Test
    void recordsBeforeALaterPositionAddUpOverPartitions() {
        StreamPosition client = StreamPosition.of(100, 50, 70);
        assertThat(client.recordsBefore(StreamPosition.of(110, 50, 90))).isEqualTo(30);
        assertThat(client.isAheadOf(StreamPosition.of(110, 50, 90))).isFalse();
        assertThat(client.isAheadOf(StreamPosition.of(110, 49, 90))).isTrue();
    }

    @Test
    void advancingNeverGoesBackAndCoversNewPartitions() {
        StreamPosition position = StreamPosition.of(10, 20);
        assertThat(position.advanced(1, 15, 2)).isEqualTo(position);
        assertThat(position.advanced(0, 11, 2)).isEqualTo(StreamPosition.of(11, 20));
        assertThat(position.advanced(2, 3, 4)).isEqualTo(StreamPosition.of(10, 20, 3, 0));
    }
}
