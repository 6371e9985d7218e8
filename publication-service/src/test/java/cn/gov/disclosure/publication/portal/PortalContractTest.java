package cn.gov.disclosure.publication.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's request and answer are the ones contracts/portal/portal-api.yaml defines. */
class PortalContractTest {

    static JsonNode api() throws Exception {
        try (InputStream in = PortalContractTest.class.getClassLoader().getResourceAsStream("portal/portal-api.yaml")) {
            assertThat(in)
                    .as("portal/portal-api.yaml on the classpath (contracts)")
                    .isNotNull();
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .sorted()
                .toList();
    }

    static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out.stream().sorted().toList();
    }

    @Test
    void theRequestIsThePublishRequestSchema() throws Exception {
        JsonNode schema = api().path("components").path("schemas").path("PublishRequest");
        assertThat(components(PortalPublishRequest.class)).isEqualTo(names(schema.path("properties")));
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(n -> required.add(n.asText()));
        assertThat(required).containsExactlyInAnyOrderElementsOf(components(PortalPublishRequest.class));
    }

    @Test
    void theAnswerIsThePublishAnswerSchema() throws Exception {
        JsonNode schema = api().path("components").path("schemas").path("PublishAnswer");
        assertThat(components(PortalReceipt.class)).isEqualTo(names(schema.path("properties")));
    }

    @Test
    void theClientCallsTheDocumentedOperationWithTheIdempotencyKey() throws Exception {
        JsonNode put = api().path("paths")
                .path("/api/reports/{organisationCode}/{year}")
                .path("put");
        assertThat(put.path("operationId").asText()).isEqualTo("publishReport");
        assertThat(put.path("responses").has("200")).isTrue();
        assertThat(put.path("responses").has("201")).isTrue();
        JsonNode key = api().path("components").path("parameters").path("idempotencyKey");
        assertThat(key.path("name").asText()).isEqualTo(PortalApi.IDEMPOTENCY_KEY);
        assertThat(key.path("in").asText()).isEqualTo("header");
        assertThat(PortalPublishRequest.idempotencyKey("350582107", 2020, 3))
                .matches(key.path("schema").path("pattern").asText());
        assertThat(PortalApi.class.getAnnotation(Path.class).value()
                        + PortalApi.class
                                .getMethod("publish", String.class, int.class, String.class, PortalPublishRequest.class)
                                .getAnnotation(Path.class)
                                .value())
                .isEqualTo("/api/reports/{organisationCode}/{year}");
    }
}
