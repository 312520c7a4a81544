package org.reportplatform.dashboard.live;

/**
 * One event of a live stream, ready to write: {@code aggregate} with a change as JSON, or {@code reset} (reload the
 * figures, then resume from this id).
 *
 * @param id the stream's position once the client has this event, {@link StreamPosition} written out
 */
public record StreamEvent(String name, String id, String data) {

    public static final String AGGREGATE = "aggregate";
    public static final String RESET = "reset";

    static StreamEvent aggregate(StreamPosition position, String json) {
        return new StreamEvent(AGGREGATE, position.toString(), json);
    }

    static StreamEvent reset(StreamPosition position) {
        return new StreamEvent(RESET, position.toString(), "reload");
    }
}
