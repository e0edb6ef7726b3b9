package io.openlearn.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** A service's readiness, as every Quarkus service here serves it (SmallRye Health). */
@Path("/q/health/ready")
interface UpstreamHealthApi {

    @GET
    Uni<Response> ready();
}
