package cn.gov.disclosure.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.contracts.model.Section;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed {@value ReportSchema#RESOURCE} is what {@link ReportSchema} generates, follows the model and the
 * catalogue, accepts the golden reports and rejects malformed ones.
 */
class ReportSchemaTest {

    /** {@code -DregenerateSchema=true} rewrites the committed file instead of failing on drift. */
    static final String REGENERATE = "regenerateSchema";

    private static final ObjectMapper JSON = ContractsJson.mapper();
    private static JsonNode committed;
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        if (Boolean.getBoolean(REGENERATE)) {
            Path source = Path.of(ReportSchema.SOURCE_PATH);
            Files.createDirectories(source.getParent());
            Files.writeString(source, ReportSchema.generateJson(), StandardCharsets.UTF_8);
            committed = JSON.readTree(source.toFile());
        } else {
            try (InputStream in = ReportSchema.class.getClassLoader().getResourceAsStream(ReportSchema.RESOURCE)) {
                assertThat(in).as(ReportSchema.RESOURCE + " on the classpath").isNotNull();
                committed = JSON.readTree(in);
            }
        }
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(committed);
    }

    static IntStream seeds() {
        return GoldenSeeds.numbers();
    }

    // ------------------------------------------------------------------ drift

    @Test
    void committedSchemaIsTheGeneratedOne() {
        assertThat(committed)
                .withFailMessage(
                        "contracts/%s is out of date with AnnualReport / TemplateCatalogue. Regenerate it: "
                                + "`./mvnw -o -q install -pl contracts -D%s=true` (or run %s#main from contracts/) and commit it.",
                        ReportSchema.SOURCE_PATH, REGENERATE, ReportSchema.class.getName())
                .isEqualTo(ReportSchema.generate());
    }

    @Test
    void topLevelPropertiesAreTheRecordComponentsOfAnnualReport() {
        List<String> components = Arrays.stream(AnnualReport.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(fieldNames(committed.get("properties"))).containsExactlyElementsOf(components);
        assertThat(committed.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(committed.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void sectionPropertiesAreTheRecordComponentsOfSection() {
        List<String> components = Arrays.stream(Section.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(fieldNames(committed.at("/$defs/section/properties"))).containsExactlyElementsOf(components);
    }

    @Test
    void everyTableOfEveryTemplateHasTheCatalogueRowsAndColumns() {
        for (TemplateVersion template : TemplateVersion.values()) {
            for (TableId id : TableId.values()) {
                TableDef def = TemplateCatalogue.table(template, id);
                JsonNode table = committed.at("/$defs/" + ReportSchema.tableDefName(template, id));
                assertThat(fieldNames(table.get("properties")))
                        .as("%s %s", template, id)
                        .containsExactlyElementsOf(
                                def.rows().stream().map(RowDef::key).toList());
                for (RowDef row : def.rows()) {
                    assertThat(fieldNames(table.at("/properties/" + row.key() + "/properties")))
                            .as("%s %s %s", template, id, row.key())
                            .containsExactlyElementsOf(
                                    row.columns().stream().map(ColumnDef::key).toList());
                }
            }
        }
    }

    // ------------------------------------------------------------------ validation

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void goldenReportsAreValid(int n) throws IOException {
        assertThat(schema.validate(JSON.readTree(GoldenSeeds.json(n))))
                .as("seed %d", n)
                .isEmpty();
        assertThat(schema.validate(JSON.valueToTree(GoldenSeeds.load(n))))
                .as("seed %d re-serialised", n)
                .isEmpty();
    }

    @Test
    void aMinimalReportIsValid() {
        assertThat(schema.validate(JSON.valueToTree(
                        new AnnualReport(null, 2021, TemplateVersion.T2021, null, null, null, null, null))))
                .isEmpty();
    }

    @Test
    void aCellWrittenAsTextIsInvalid() {
        assertInvalid(
                0,
                r -> row(r, "activeDisclosure", "centralisedProcurement")
                        .set("procurementAmount", TextNode.valueOf("0元")),
                "procurementAmount");
    }

    @Test
    void anUnknownRowIsInvalid() {
        assertInvalid(
                0, r -> table(r, "applications").putObject("thirdCarriedOver").put("total", 0), "thirdCarriedOver");
    }

    @Test
    void anUnknownColumnIsInvalid() {
        assertInvalid(3, r -> row(r, "reviewsAndLitigation", "litigationDirect").put("withdrawn", 0), "withdrawn");
    }

    @Test
    void aRowOfTheOtherTemplateIsInvalid() {
        // 其他对外管理服务事项 is a 2019 row; seed 002 follows the 2021 template
        assertInvalid(
                2,
                r -> table(r, "activeDisclosure")
                        .putObject("otherManagementServices")
                        .put("previousYearItems", 0),
                "otherManagementServices");
        // （六）其他处理 is one row in 2019 only
        assertInvalid(
                4, r -> table(r, "applications").putObject("otherHandling").put("total", 0), "otherHandling");
    }

    @Test
    void anUnknownTemplateOrPropertyOrSectionKeyIsInvalid() {
        assertInvalid(0, r -> r.put("template", "2020"), "template");
        assertInvalid(0, r -> r.put("county", "晋江市"), "county");
        assertInvalid(0, r -> ((ObjectNode) r.get("sections").get(0)).put("key", "summary"), "key");
        assertInvalid(0, r -> r.remove("template"), "template");
    }

    @Test
    void aCellObjectNeedsANumericValueAndAUnitAndTheLabelUnitWins() {
        assertInvalid(
                0,
                r -> row(r, "activeDisclosure", "centralisedProcurement")
                        .putObject("procurementAmount")
                        .put("value", "0")
                        .put("unit", "元"),
                "procurementAmount");
        assertInvalid(
                0,
                r -> row(r, "activeDisclosure", "centralisedProcurement")
                        .putObject("procurementAmount")
                        .put("value", 0),
                "procurementAmount");
        assertInvalid(
                2,
                r -> row(r, "activeDisclosure", "administrativeFees")
                        .putObject("feeAmount")
                        .put("value", 0)
                        .put("unit", "元"),
                "feeAmount");
        // a plain number is a cell whose unit the report did not state: allowed by the shape
        ObjectNode plain = golden(2);
        row(plain, "activeDisclosure", "administrativeFees").set("feeAmount", IntNode.valueOf(0));
        assertThat(schema.validate(plain)).isEmpty();
    }

    @Test
    void missingRowsAndCellsAreLeftToTheValidator() {
        ObjectNode report = golden(1);
        table(report, "applications").remove("carriedForward");
        row(report, "reviewsAndLitigation", "litigationDirect").remove("total");
        report.remove("activeDisclosure");
        assertThat(schema.validate(report)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static void assertInvalid(int seed, Consumer<ObjectNode> corrupt, String mentioned) {
        ObjectNode report = golden(seed);
        corrupt.accept(report);
        Set<ValidationMessage> errors = schema.validate(report);
        assertThat(errors).as("seed %d corrupted", seed).isNotEmpty();
        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains(mentioned));
    }

    private static ObjectNode golden(int n) {
        try {
            return (ObjectNode) JSON.readTree(GoldenSeeds.json(n));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode table(ObjectNode report, String table) {
        return (ObjectNode) report.get(table);
    }

    private static ObjectNode row(ObjectNode report, String table, String row) {
        return (ObjectNode) report.get(table).get(row);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        assertThat(node).as("an object").isNotNull();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
