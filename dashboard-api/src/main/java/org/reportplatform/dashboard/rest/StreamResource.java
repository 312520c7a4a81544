package org.reportplatform.dashboard.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.live.AggregateChange;
import org.reportplatform.dashboard.live.ChangeScope;
import org.reportplatform.dashboard.live.ResumableStream;
import org.reportplatform.dashboard.service.ReferenceData;

@Path("/api/v1/stream")
@RolesAllowed({Role.Names.ANALYST, Role.Names.REVIEWER, Role.Names.PROVINCE, Role.Names.ADMIN})
@Tag(name = "Live updates", description = "Server-Sent Events of every figure change")
public class StreamResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final ResumableStream stream;
    private final ReferenceData reference;
    private final RegionRegistry regions;
    private final ObjectMapper json;
    private final Duration heartbeat;
    private final ReadableRegions readable;

    StreamResource(ResumableStream stream, ReferenceData reference, RegionRegistry regions, ObjectMapper json,
                   @ConfigProperty(name = "dashboard.live.heartbeat") Duration heartbeat, ReadableRegions readable) {
        this.stream = stream;
        this.reference = reference;
        this.regions = regions;
        this.readable = readable;
        this.json = json;
        this.heartbeat = heartbeat;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    // checking the parameters and the resumption point reads the database: off the event loop
    @Blocking
    // nginx (the Ingress) would otherwise buffer the stream and deliver changes late, in lumps
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    @Operation(summary = "Every change of a figure within a region, as it is computed",
            description = """
                    Server-Sent Events named aggregate, data a JSON object: id, indicator, region, period, kind, basis, \
                    removed, value, reportingUnits, withheldUnits, expectedUnits, updatedAt. Each event has an increasing \
                    id kept across restarts: a client that reconnects with Last-Event-ID gets every change it missed, \
                    then the live ones. When the missed changes are no longer kept, the stream starts with an event \
                    named reset (reload the figures) and continues live. A comment line every 15 s keeps proxies from \
                    closing an idle connection.""")
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "GB/T 2260 region code: changes of this region and every region within it", required = true)
            @QueryParam("region") String region,
            @Parameter(description = "Only this indicator's changes") @QueryParam("indicator") String indicator,
            @Parameter(description = "Only this period's changes, e.g. 2020") @QueryParam("period") String period,
            @Parameter(description = "The id of the last event received; sent by EventSource when it reconnects")
            @HeaderParam(LAST_EVENT_ID) String lastEventId,
            @Context Sse sse) {
        // scoped by the token like every other endpoint: a reader streams its own subtree only
        RegionCode asked = reference.region(readable.parse("region", region)).code();
        Optional<IndicatorCode> onlyIndicator = Optional.ofNullable(indicator)
                .map(code -> reference.indicator(code).code());
        ChangeScope scope = new ChangeScope(asked, onlyIndicator,
                Optional.ofNullable(period).map(code -> RequestParameters.period("period", code)));
        Optional<Long> resumeAfter = Optional.ofNullable(lastEventId).map(RequestParameters::lastEventId);

        Multi<OutboundSseEvent> changes;
        if (resumeAfter.isEmpty() || stream.canResumeAfter(resumeAfter.get())) {
            long after = resumeAfter.orElseGet(stream::now);
            changes = stream.after(after, scope.matcher(regions)).map(change -> event(sse, change));
        } else {
            Multi<OutboundSseEvent> reset = Multi.createFrom().item(sse.newEventBuilder().name("reset").data("reload").build());
            changes = Multi.createBy().concatenating()
                    .streams(reset, stream.after(stream.now(), scope.matcher(regions)).map(change -> event(sse, change)));
        }
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, heartbeats);
    }

    private OutboundSseEvent event(Sse sse, AggregateChange change) {
        try {
            return sse.newEventBuilder()
                    .id(Long.toString(change.id()))
                    .name("aggregate")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, json.writeValueAsString(change))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write change " + change.id(), e);
        }
    }
}
