package org.reportplatform.dashboard.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.reportplatform.contracts.access.Callers;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.problem.Language;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.live.ChangeScope;
import org.reportplatform.dashboard.live.LiveConfig;
import org.reportplatform.dashboard.live.ResumableStream;
import org.reportplatform.dashboard.live.StreamEvent;
import org.reportplatform.dashboard.rest.OpenStreams.TooManyStreams;
import org.reportplatform.dashboard.service.ReferenceData;

@Path("/api/v1/stream")
@RolesAllowed({Role.Names.ANALYST, Role.Names.REVIEWER, Role.Names.PROVINCE, Role.Names.ADMIN})
@Tag(name = "Live updates", description = "Server-Sent Events of every figure change")
public class StreamResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final ResumableStream stream;
    private final ReferenceData reference;
    private final RegionRegistry regions;
    private final LiveConfig config;
    private final ReadableRegions readable;
    private final OpenStreams open;
    private final Callers callers;

    StreamResource(ResumableStream stream, ReferenceData reference, RegionRegistry regions, LiveConfig config,
                   ReadableRegions readable, OpenStreams open, Callers callers) {
        this.stream = stream;
        this.reference = reference;
        this.regions = regions;
        this.readable = readable;
        this.config = config;
        this.open = open;
        this.callers = callers;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    // subscribing may wait while a batch is being announced to every stream: off the event loop
    @Blocking
    // nginx (the Ingress) would otherwise buffer the stream and deliver changes late, in lumps
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    @Operation(summary = "Every change of a figure within a region, as it is computed",
            description = """
                    Server-Sent Events named aggregate, data a JSON object: indicator, region, period, kind, basis, \
                    removed, value, reportingUnits, withheldUnits, expectedUnits, updatedAt. Each event's id is the \
                    stream's position, one offset per partition of the aggregates topic (0=4521;1=4400;2=4388): a client \
                    that reconnects with Last-Event-ID gets the latest state of every figure that changed since (not \
                    each intermediate change), then the live ones. When the id is not a position of this stream, lies \
                    more than dashboard.live.max-replay records behind, or the client leaves more than \
                    dashboard.live.buffered-changes changes unread, it gets an event named reset (reload the figures, \
                    then resume from the reset's id). Streams are capped per token and in all: beyond, 429 with \
                    Retry-After. A comment line every 15 s keeps proxies from closing an idle connection.""")
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
        Runnable close = open.open(callers.current().name());

        AtomicBoolean ended = new AtomicBoolean();
        Multi<OutboundSseEvent> changes = stream.open(Optional.ofNullable(lastEventId), scope.matcher(regions))
                .map(event -> event(sse, event))
                .onTermination().invoke(() -> ended.set(true));
        // ticks nobody reads are dropped; they end with the changes, e.g. after a reset for an overflow
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .onOverflow().drop()
                .select().first(tick -> !ended.get())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, heartbeats).onTermination().invoke(close);
    }

    @ServerExceptionMapper
    Response tooManyStreams(TooManyStreams refused, UriInfo uri, HttpHeaders headers) {
        Problem problem = Problem.of("too-many-streams", "Too many streams", 429, refused.getMessage())
                .withChinese("流过多", refused.perToken() ? "此令牌打开的流已达上限" : "本服务打开的流已达上限")
                .withInstance(uri.getPath());
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem.in(Language.preferredBy(headers)))
                .header("Retry-After", Long.toString(config.retryAfter().toSeconds())).build();
    }

    private static OutboundSseEvent event(Sse sse, StreamEvent event) {
        OutboundSseEvent.Builder builder = sse.newEventBuilder().id(event.id()).name(event.name());
        if (event.name().equals(StreamEvent.AGGREGATE)) {
            builder.mediaType(MediaType.APPLICATION_JSON_TYPE);
        }
        return builder.data(String.class, event.data()).build();
    }
}
