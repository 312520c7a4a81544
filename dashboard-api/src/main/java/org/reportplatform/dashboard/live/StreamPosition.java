package org.reportplatform.dashboard.live;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How far a live stream has come (docs/adr/0019): for each partition of the aggregates topic, the offset of the first
 * record whose change the stream has not yet considered. Written as the SSE id, {@code 0=4521;1=4400;2=4388}, and
 * echoed back by EventSource in {@code Last-Event-ID}. Positions of different partitions are not comparable; a stream
 * resumes each partition after its own.
 */
public final class StreamPosition {

    private static final Pattern ENTRY = Pattern.compile("(\\d{1,9})=(\\d{1,18})");

    private final long[] nextOffsets;

    private StreamPosition(long[] nextOffsets) {
        this.nextOffsets = nextOffsets;
    }

    public static StreamPosition of(long... nextOffsets) {
        return new StreamPosition(nextOffsets.clone());
    }

    /** The position an id stands for; empty when it is not one (an id of another format, or from before 0019). */
    public static Optional<StreamPosition> parse(String id) {
        String[] entries = id.trim().split(";");
        long[] offsets = new long[entries.length];
        for (int partition = 0; partition < entries.length; partition++) {
            var entry = ENTRY.matcher(entries[partition]);
            if (!entry.matches() || Integer.parseInt(entry.group(1)) != partition) {
                return Optional.empty();
            }
            offsets[partition] = Long.parseLong(entry.group(2));
        }
        return Optional.of(new StreamPosition(offsets));
    }

    public int partitions() {
        return nextOffsets.length;
    }

    public long nextOffset(int partition) {
        return partition < nextOffsets.length ? nextOffsets[partition] : 0;
    }

    /** The same, with {@code partition} at {@code nextOffset} if that is further; grown to cover the partition. */
    public StreamPosition advanced(int partition, long nextOffset, int partitionCount) {
        long[] offsets = Arrays.copyOf(nextOffsets, Math.max(Math.max(nextOffsets.length, partition + 1), partitionCount));
        offsets[partition] = Math.max(offsets[partition], nextOffset);
        return new StreamPosition(offsets);
    }

    /** How many records of the topic lie between this position and {@code later}. */
    public long recordsBefore(StreamPosition later) {
        return IntStream.range(0, later.partitions()).mapToLong(p -> Math.max(0, later.nextOffset(p) - nextOffset(p))).sum();
    }

    /** Whether this position lies beyond {@code other} in some partition: it was not given out by that topic's stream. */
    public boolean isAheadOf(StreamPosition other) {
        return IntStream.range(0, partitions()).anyMatch(p -> nextOffset(p) > other.nextOffset(p));
    }

    /** The SSE id. */
    @Override
    public String toString() {
        return IntStream.range(0, nextOffsets.length).mapToObj(p -> p + "=" + nextOffsets[p]).collect(Collectors.joining(";"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamPosition position && Arrays.equals(nextOffsets, position.nextOffsets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nextOffsets);
    }
}
