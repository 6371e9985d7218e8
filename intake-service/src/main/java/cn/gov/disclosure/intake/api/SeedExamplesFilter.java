package cn.gov.disclosure.intake.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * Puts a real report into the API documentation: seed 003 (红星镇 2020) as the JSON body of {@code POST /api/v1/reports}
 * and as the text body of {@code POST /api/v1/reports/import}.
 */
public class SeedExamplesFilter implements OASFilter {

    private static final String JSON_EXAMPLE = "openapi-examples/golden/seed-003.json";
    private static final String TEXT_EXAMPLE = "openapi-examples/seeds/003_7c44bb757eda1ba7.txt";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        example(openAPI.getPaths().getPathItem("/api/v1/reports"), "application/json", json());
        example(openAPI.getPaths().getPathItem("/api/v1/reports/import"), "text/plain", text(TEXT_EXAMPLE));
    }

    private static void example(PathItem path, String mediaType, Object example) {
        if (path == null || path.getPOST() == null || path.getPOST().getRequestBody() == null || example == null) {
            return;
        }
        Content content = path.getPOST().getRequestBody().getContent();
        MediaType media = content == null ? null : content.getMediaType(mediaType);
        if (media != null) {
            media.setExample(example);
        }
    }

    private static Object json() {
        String text = text(JSON_EXAMPLE);
        try {
            return text == null ? null : new ObjectMapper().readValue(text, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = SeedExamplesFilter.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
