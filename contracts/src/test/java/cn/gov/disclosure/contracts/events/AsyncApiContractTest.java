package cn.gov.disclosure.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.model.CellSource;
import cn.gov.disclosure.contracts.model.SectionKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code asyncapi/asyncapi.yaml} describes the events the Java contracts define: the topics of {@link Topics} and
 * their dead-letter topics, the payload records, the CloudEvents headers of {@link EventEnvelope} and the types of
 * {@link EventType}. Any drift between the two fails here.
 */
class AsyncApiContractTest {

    static final String RESOURCE = "asyncapi/asyncapi.yaml";
    private static final String REPORT_SCHEMA_REF = "../schema/annual-report.schema.json";
    private static final ObjectMapper JSON = ContractsJson.mapper();
    private static final OffsetDateTime T = OffsetDateTime.of(2021, 1, 6, 8, 0, 0, 0, ZoneOffset.ofHours(8));

    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AsyncApiContractTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    // ------------------------------------------------------------------ structure

    @Test
    void isAnAsyncApi3Document() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("defaultContentType").asText()).isEqualTo("application/json");
        assertThat(doc.at("/servers/kafka/protocol").asText()).isEqualTo("kafka");
    }

    @Test
    void channelAddressesAreTheTopicsAndTheirDeadLetterTopics() {
        List<String> expected = Stream.concat(
                        Topics.ALL.stream(), Topics.ALL.stream().map(Topics::deadLetter))
                .toList();
        List<String> addresses = new ArrayList<>();
        doc.get("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Topics.deadLetter(Topics.REPORT_SUBMITTED)).isEqualTo("annual-report.submitted.dlq");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachTopicCarriesItsEventTypeWithThePayloadOfItsRecord(EventType type) {
        JsonNode message = onlyMessage(channel(type.topic()));
        assertThat(message.path("name").asText()).isEqualTo(type.payloadClass().getSimpleName());
        assertThat(ceTypeOf(message)).as("ce_type of %s", type.topic()).isEqualTo(type.type());
        JsonNode payload = resolve(message.get("payload"));
        assertThat(fieldNames(payload.get("properties")))
                .as("payload of %s", type.topic())
                .containsExactlyElementsOf(components(type.payloadClass()));
        assertThat(payload.get("required"))
                .allSatisfy(r -> assertThat(payload.get("properties").has(r.asText()))
                        .as("required %s is a property", r.asText())
                        .isTrue());
        assertThat(resolve(message.at("/bindings/kafka/key")).path("type").asText())
                .as("key = report id")
                .isEqualTo("string");
        assertThat(message.at("/bindings/kafka/key/$ref").asText()).isEqualTo("#/components/schemas/ReportId");
    }

    @Test
    void theCeTypesAreExactlyTheEventTypes() {
        Set<String> ceTypes = new HashSet<>();
        for (String topic : Topics.ALL) {
            ceTypes.add(ceTypeOf(onlyMessage(channel(topic))));
        }
        assertThat(ceTypes)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(EventType.values()).map(EventType::type).toList());
    }

    @Test
    void theHeadersAreThoseEventEnvelopeWrites() {
        JsonNode headers = doc.at("/components/schemas/CloudEventHeaders");
        Map<String, String> written =
                EventEnvelope.of("intake-service", submitted()).headers();
        assertThat(fieldNames(headers.get("properties"))).containsExactlyInAnyOrderElementsOf(written.keySet());
        List<String> required = new ArrayList<>();
        headers.get("required").forEach(r -> required.add(r.asText()));
        assertThat(required)
                .containsExactlyInAnyOrder("ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "ce_specversion");
        assertThat(headers.at("/properties/ce_specversion/const").asText()).isEqualTo(EventEnvelope.SPEC_VERSION);
        assertThat(headers.at("/properties/content-type/const").asText()).isEqualTo(written.get("content-type"));
    }

    @Test
    void deadLetterTopicsCarryTheDeadLetterMessage() {
        for (String topic : Topics.ALL) {
            JsonNode message = onlyMessage(channel(Topics.deadLetter(topic)));
            assertThat(message.path("name").asText()).isEqualTo("DeadLetter");
            assertThat(fieldNames(resolve(message.get("headers")).get("properties")))
                    .contains("dead-letter-reason", "dead-letter-topic");
        }
    }

    @Test
    void nestedRecordsMatchTheirSchemas() {
        Map<String, Class<? extends Record>> nested = Map.of(
                "Finding", Finding.class,
                "Location", Location.class,
                "Acknowledgement", ReviewDecided.Acknowledgement.class,
                "AuditEntry", ReviewDecided.AuditEntry.class,
                "CellSource", CellSource.class);
        nested.forEach((name, type) -> assertThat(fieldNames(doc.at("/components/schemas/" + name + "/properties")))
                .as(name)
                .containsExactlyElementsOf(components(type)));
        assertThat(texts(doc.at("/components/schemas/Finding/properties/severity/enum")))
                .containsExactlyElementsOf(
                        Arrays.stream(Severity.values()).map(Severity::json).toList());
        assertThat(texts(doc.at("/components/schemas/CellSource/properties/reading/enum")))
                .containsExactlyElementsOf(Arrays.stream(CellSource.Reading.values())
                        .map(Enum::name)
                        .toList());
        assertThat(texts(doc.at("/components/schemas/ReviewDecided/properties/decision/enum")))
                .containsExactlyElementsOf(Arrays.stream(ReviewDecided.Decision.values())
                        .map(Enum::name)
                        .toList());
        assertThat(texts(doc.at("/components/schemas/Location/properties/section/enum")))
                .containsExactlyElementsOf(
                        Arrays.stream(SectionKey.values()).map(SectionKey::key).toList());
    }

    @Test
    void everyOperationPointsAtAChannelAndOneOfItsMessagesAndEveryChannelHasAProducer() {
        Set<String> sent = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("operations").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> op = it.next();
            String channelRef = op.getValue().at("/channel/$ref").asText();
            assertThat(channelRef).as(op.getKey()).startsWith("#/channels/");
            JsonNode channel = resolve(op.getValue().get("channel"));
            assertThat(channel.isMissingNode())
                    .as(op.getKey() + " → " + channelRef)
                    .isFalse();
            assertThat(op.getValue().path("action").asText()).isIn("send", "receive");
            assertThat(op.getValue().get("messages")).isNotEmpty().allSatisfy(m -> {
                assertThat(m.get("$ref").asText()).startsWith(channelRef + "/messages/");
                assertThat(resolve(m).isMissingNode()).isFalse();
            });
            if (op.getValue().path("action").asText().equals("send")) {
                sent.add(channel.path("address").asText());
            }
        }
        List<String> addresses = new ArrayList<>();
        doc.get("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(sent).containsExactlyInAnyOrderElementsOf(addresses);
    }

    // ------------------------------------------------------------------ payloads and headers validate

    @Test
    void payloadsAsTheCodecWritesThemValidateAgainstTheirSchemas() throws IOException {
        assertValid("ReportSubmitted", submitted());
        assertValid(
                "ReportSubmitted",
                new ReportSubmitted(
                        "350582-001-2020", 2, "350582-001", null, null, 2020, T, null, GoldenSeeds.load(0), null));
        assertValid("ReportValidated", validated());
        assertValid("ReviewDecided", decided());
        assertValid(
                "ReviewDecided",
                new ReviewDecided(
                        "350582-001-2020",
                        1,
                        "350582-001",
                        "晋江市紫帽镇人民政府",
                        "350582",
                        2020,
                        ReviewDecided.Decision.APPROVED,
                        null,
                        "reviewer-1",
                        T,
                        GoldenSeeds.load(0),
                        null,
                        null,
                        null));
        assertValid("ReportWithdrawn", new ReportWithdrawn("350582-001-2020", 2, "350582-001", 2020, "staff", T));
        assertValid("HistoryImported", history());
        assertValid(
                "ReportPublished",
                new ReportPublished(
                        "350582-001-2020",
                        2,
                        "350582-001",
                        2020,
                        "https://portal.example/annual-reports/350582-001-2020",
                        "AR-350582-001-2020-v2",
                        T));
    }

    @Test
    void aPayloadMissingItsReportOrWithAStringYearIsInvalid() throws IOException {
        ObjectNode payload = (ObjectNode) JSON.readTree(EventCodec.payloadJson(submitted()));
        payload.remove("report");
        assertThat(schemaOf("#/components/schemas/ReportSubmitted").validate(payload))
                .isNotEmpty();
        ObjectNode year = (ObjectNode) JSON.readTree(EventCodec.payloadJson(submitted()));
        year.put("year", "2020");
        assertThat(schemaOf("#/components/schemas/ReportSubmitted").validate(year))
                .isNotEmpty();
        ObjectNode cell = (ObjectNode) JSON.readTree(EventCodec.payloadJson(submitted()));
        ((ObjectNode) cell.at("/report/activeDisclosure/rules")).put("newlyMade", "2");
        assertThat(schemaOf("#/components/schemas/ReportSubmitted").validate(cell))
                .as("the embedded report is checked against the report schema")
                .isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theEnvelopeHeadersValidateAgainstTheMessageHeadersAndOnlyTheirOwnCeType(EventType type) {
        EventPayload payload = switch (type) {
            case REPORT_SUBMITTED -> submitted();
            case REPORT_VALIDATED -> validated();
            case REVIEW_DECIDED -> decided();
            case REPORT_PUBLISHED -> new ReportPublished("350582-001-2020", 2, "350582-001", 2020, "u", "a", T);
            case REPORT_WITHDRAWN -> new ReportWithdrawn("350582-001-2020", 2, "350582-001", 2020, "staff", T);
            case HISTORY_IMPORTED -> history();
        };
        // a time on the full minute: the header must still carry the seconds (RFC 3339)
        EventEnvelope<EventPayload> envelope = new EventEnvelope<>(
                "0b5f3f9e-7a53-4c39-9a33-0d1c6a1d8f10", "test", type.type(), payload.reportId(), T, payload);
        ObjectNode headers = JSON.valueToTree(envelope.headers());
        JsonNode message = onlyMessage(channel(type.topic()));
        JsonSchema schema = schemaOf(message.get("headers"));
        assertThat(schema.validate(headers)).as("headers of %s", type).isEmpty();
        assertThat(envelope.headers().get("ce_time")).isEqualTo("2021-01-06T08:00:00+08:00");
        EventType other = EventType.values()[(type.ordinal() + 1) % EventType.values().length];
        headers.put("ce_type", other.type());
        assertThat(schema.validate(headers))
                .as("%s headers with ce_type %s", type, other)
                .isNotEmpty();
    }

    // ------------------------------------------------------------------ samples

    private static ReportSubmitted submitted() {
        return new ReportSubmitted(
                "350582-001-2020",
                1,
                "350582-001",
                "晋江市紫帽镇人民政府",
                "350582",
                2020,
                T,
                "township-user-1",
                GoldenSeeds.load(0),
                List.of("表3 第（七）项多出一格，读作空"),
                PROVENANCE);
    }

    private static final List<CellSource> PROVENANCE = List.of(
            new CellSource("applications", "newReceived", "total", 3, 41, "95", CellSource.Reading.WRITTEN),
            new CellSource("applications", "carriedOver", "total", null, 40, "12", CellSource.Reading.CORRECTED),
            new CellSource("applications", "carriedOver", "natural", null, null, null, CellSource.Reading.BLANK));

    private static ReportValidated validated() {
        return new ReportValidated(
                "350582-001-2020",
                1,
                "350582-001",
                "晋江市紫帽镇人民政府",
                "350582",
                2020,
                T,
                false,
                List.of(
                        new Finding(
                                "T3_ROW_TOTAL",
                                Severity.ERROR,
                                Location.cell(SectionKey.APPLICATIONS, 3, "newReceived", "total"),
                                BigDecimal.ONE,
                                BigDecimal.ZERO,
                                "总计不等于各列之和",
                                "total is not the sum of the columns"),
                        new Finding(
                                "S6_NO_FEE",
                                Severity.WARNING,
                                Location.section(SectionKey.OTHER_MATTERS),
                                null,
                                null,
                                "第六部分未说明信息处理费",
                                "section 六 says nothing about fees"),
                        new Finding("NOTE", Severity.INFO, Location.report(), null, null, "说明", "note")),
                T.plusMinutes(1),
                GoldenSeeds.load(0),
                List.of("表3 第（七）项多出一格，读作空"),
                PROVENANCE);
    }

    private static ReviewDecided decided() {
        return new ReviewDecided(
                "350582-001-2020",
                1,
                "350582-001",
                "晋江市紫帽镇人民政府",
                "350582",
                2020,
                ReviewDecided.Decision.RETURNED,
                "请核对表3",
                "county-reviewer-1",
                T.plusDays(1),
                GoldenSeeds.load(0),
                validated().findings(),
                List.of(new ReviewDecided.Acknowledgement("S6_NO_FEE", null, null, "county-reviewer-1", T, null)),
                List.of(
                        new ReviewDecided.AuditEntry(T, "township-user-1", "张三", null, "SUBMITTED", null),
                        new ReviewDecided.AuditEntry(
                                T.plusDays(1), "county-reviewer-1", null, "SUBMITTED", "RETURNED", "请核对表3")));
    }

    // ------------------------------------------------------------------ helpers

    private static void assertValid(String schemaName, EventPayload payload) throws IOException {
        JsonNode json = JSON.readTree(EventCodec.payloadJson(payload));
        Set<ValidationMessage> errors =
                schemaOf("#/components/schemas/" + schemaName).validate(json);
        assertThat(errors).as("%s as written by EventCodec", schemaName).isEmpty();
    }

    private static JsonSchema schemaOf(String componentRef) {
        return schemaOf(JSON.createObjectNode().put("$ref", componentRef));
    }

    /**
     * A JSON Schema 2020-12 document made of {@code schema} with the document's {@code components/schemas} as
     * {@code $defs}, the report schema taken from the classpath, and format assertions on.
     */
    private static JsonSchema schemaOf(JsonNode schema) {
        ObjectNode root = (ObjectNode) rewriteRefs(schema.deepCopy());
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", rewriteRefs(doc.at("/components/schemas").deepCopy()));
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root, config);
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                String r = ref.asText();
                if (r.startsWith("#/components/schemas/")) {
                    object.put("$ref", "#/$defs/" + r.substring("#/components/schemas/".length()));
                } else if (r.equals(REPORT_SCHEMA_REF)) {
                    object.put("$ref", "classpath:schema/annual-report.schema.json");
                } else {
                    throw new AssertionError("unexpected $ref " + r);
                }
            }
            object.fields().forEachRemaining(e -> rewriteRefs(e.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(AsyncApiContractTest::rewriteRefs);
        }
        return node;
    }

    private static JsonNode channel(String address) {
        List<JsonNode> found = new ArrayList<>();
        doc.get("channels").forEach(c -> {
            if (c.path("address").asText().equals(address)) {
                found.add(c);
            }
        });
        assertThat(found).as("channel with address %s", address).hasSize(1);
        return found.get(0);
    }

    private static JsonNode onlyMessage(JsonNode channel) {
        assertThat(channel.get("messages"))
                .as("messages of %s", channel.path("address").asText())
                .hasSize(1);
        return resolve(channel.get("messages").elements().next());
    }

    private static String ceTypeOf(JsonNode message) {
        JsonNode headers = message.get("headers");
        List<String> types = new ArrayList<>();
        for (JsonNode part : headers.path("allOf")) {
            JsonNode ceType = resolve(part).at("/properties/ce_type/const");
            if (!ceType.isMissingNode()) {
                types.add(ceType.asText());
            }
        }
        assertThat(types)
                .as("ce_type const of %s", message.path("name").asText())
                .hasSize(1);
        return types.get(0);
    }

    /** Follows a local {@code $ref} (one level at a time, until there is none). */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current != null
                && current.has("$ref")
                && current.get("$ref").asText().startsWith("#/")) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        assertThat(node).as("an object").isNotNull();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static HistoryImported history() {
        return new HistoryImported(
                "350582107-2020",
                0,
                "350582107",
                "晋江市紫帽镇人民政府",
                "350582",
                2020,
                GoldenSeeds.load(0),
                "紫帽镇2020年报.pdf",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                List.of("表二缺少一行"),
                "province-admin",
                T);
    }
}
