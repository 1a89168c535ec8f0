package org.edgeway.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** REST API root: {@code /api/v1}, JSON, HTTP Basic authentication with administrator accounts. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {
}
