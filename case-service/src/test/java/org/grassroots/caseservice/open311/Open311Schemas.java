package org.grassroots.caseservice.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas and XML Schemas written from the Open311 GeoReport v2 specification (and
 * FixMyStreet's update extension), in {@code src/test/resources/open311/}: every answer the tests
 * get is checked against the schema of its kind.
 */
final class Open311Schemas {

    /** The kinds of document, each with {@code json/<name>.schema.json} and {@code xml/<name>.xsd}. */
    enum Kind {
        SERVICES("services"),
        SERVICE_DEFINITION("service-definition"),
        REQUEST_CREATED("request-created"),
        REQUESTS("requests"),
        SERVICE_REQUEST_UPDATES("service-request-updates"),
        ERRORS("errors");

        final String file;

        Kind(String file) {
            this.file = file;
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry JSON_SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<Kind, com.networknt.schema.Schema> JSON_BY_KIND = new ConcurrentHashMap<>();
    private static final Map<Kind, Schema> XML_BY_KIND = new ConcurrentHashMap<>();

    private Open311Schemas() {
    }

    /** Parses {@code body} and checks it against the JSON Schema of {@code kind}. */
    static JsonNode validJson(Kind kind, String body) {
        JsonNode document = JSON.readTree(body);
        com.networknt.schema.Schema schema = JSON_BY_KIND.computeIfAbsent(kind, Open311Schemas::readJsonSchema);
        assertThat(schema.validate(document)).extracting(Error::getMessage).as("%s against %s.schema.json", body, kind.file)
                .isEmpty();
        return document;
    }

    /** Checks {@code body} against the XML Schema of {@code kind}. */
    static String validXml(Kind kind, String body) {
        assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Schema schema = XML_BY_KIND.computeIfAbsent(kind, Open311Schemas::readXmlSchema);
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(body)));
        } catch (SAXException | IOException invalid) {
            throw new AssertionError(body + " does not validate against " + kind.file + ".xsd: " + invalid.getMessage(),
                    invalid);
        }
        return body;
    }

    private static com.networknt.schema.Schema readJsonSchema(Kind kind) {
        try (InputStream in = resource("open311/json/" + kind.file + ".schema.json").openStream()) {
            return JSON_SCHEMAS.getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema readXmlSchema(Kind kind) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(resource("open311/xml/" + kind.file + ".xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("The XML Schema " + kind.file + ".xsd does not read", e);
        }
    }

    private static URL resource(String path) {
        URL url = Open311Schemas.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("No test resource " + path);
        }
        return url;
    }
}
