package org.rnnlab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The production jar as deployed: health is public, metrics are not unless the instructor enables them. */
@ExtendWith(AppServer.class)
class ServingIT {
    static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(AppServer.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthProbesArePublic() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/exercise-1", "/favicon.ico", "/actuator/health", "/no-such-page"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("frame-ancestors 'self'", "default-src 'self'");
        }
    }

    @Test
    void theFaviconIsServed() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(AppServer.baseUrl() + "/favicon.ico")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        // An ICO directory: reserved 0, type 1 (icon), one image.
        assertThat(r.body()).startsWith(0, 0, 1, 0, 1, 0);
    }

    @Test
    void metricsAreNotPublicByDefault() throws Exception {
        assertThat(get("/actuator/prometheus").statusCode()).isNotEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isNotEqualTo(200);
    }
}
