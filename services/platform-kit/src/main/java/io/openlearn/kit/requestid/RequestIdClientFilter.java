package io.openlearn.kit.requestid;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Passes the current request id on to every REST client call, so one id follows a request across services. */
@Provider
public class RequestIdClientFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        if (!request.getHeaders().containsKey(RequestIds.HEADER)) {
            RequestIds.current().ifPresent(id -> request.getHeaders().putSingle(RequestIds.HEADER, id));
        }
    }
}
