package cn.gov.disclosure.support.frontend;

import cn.gov.disclosure.contracts.catalogue.ColumnDef;
import cn.gov.disclosure.contracts.catalogue.RowDef;
import cn.gov.disclosure.contracts.catalogue.TableDef;
import cn.gov.disclosure.contracts.catalogue.TableId;
import cn.gov.disclosure.contracts.catalogue.TemplateCatalogue;
import cn.gov.disclosure.contracts.model.TemplateVersion;
import cn.gov.disclosure.support.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The template catalogue (contracts' {@link TemplateCatalogue}) as JSON, so that the admin front-end draws the
 * official tables from the one description of sections, tables, rows and columns instead of a list of its own.
 * Public: the catalogue is the published national template.
 */
@Path("/api/v1/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "catalogue", description = "报告模板目录 / the report template: sections, tables, rows, columns")
public class CatalogueResource {

    public record Column(String key, String label, List<String> headerPath, String kind, String unit, String role) {
        static Column of(ColumnDef c) {
            return new Column(
                    c.key(),
                    c.label(),
                    c.headerPath(),
                    c.kind().name(),
                    c.unit(),
                    c.role().name());
        }
    }

    public record Row(
            String key, String label, List<String> path, String fullLabel, String role, List<String> columns) {
        static Row of(RowDef r) {
            return new Row(
                    r.key(),
                    r.label(),
                    r.path(),
                    r.fullLabel(),
                    r.role().name(),
                    r.columns().stream().map(ColumnDef::key).toList());
        }
    }

    /** @param reportKey the table's property in the report JSON (activeDisclosure, applications, …) */
    public record Table(
            int number,
            String id,
            String reportKey,
            String title,
            String cornerNote,
            List<Column> columns,
            List<Row> rows) {
        static Table of(TableDef t) {
            return new Table(
                    t.id().number(),
                    t.id().name(),
                    t.id().key(),
                    t.title(),
                    t.cornerNote(),
                    t.columns().stream().map(Column::of).toList(),
                    t.rows().stream().map(Row::of).toList());
        }
    }

    /** @param table the section's table, or null for a narrative section */
    public record Section(String key, int number, String numeral, String title, String heading, Table table) {}

    public record Catalogue(String template, String notice, List<Section> sections) {}

    @GET
    @Path("{template}")
    @Operation(
            summary = "报告模板目录 / The template's sections, tables, rows and columns with the official labels",
            description = "template: 2019 or 2021 (the report's `template`).")
    public Response catalogue(@PathParam("template") String template) {
        TemplateVersion t;
        try {
            t = TemplateVersion.fromCode(template);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(
                    "没有该报告模板：" + template + "（已知：2019、2021）", "no such template: " + template + " (known: 2019, 2021)");
        }
        List<Section> sections = TemplateCatalogue.sections().stream()
                .map(s -> {
                    TableId id = Arrays.stream(TableId.values())
                            .filter(x -> x.section() == s.key())
                            .findFirst()
                            .orElse(null);
                    return new Section(
                            s.key().key(),
                            s.key().number(),
                            s.key().numeral(),
                            s.title(),
                            s.heading(),
                            id == null ? null : Table.of(TemplateCatalogue.table(t, id)));
                })
                .toList();
        return Response.ok(new Catalogue(t.code(), t.notice(), sections))
                .header("Cache-Control", "public, max-age=3600")
                .build();
    }
}
