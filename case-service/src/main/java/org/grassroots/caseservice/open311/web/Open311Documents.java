package org.grassroots.caseservice.open311.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.grassroots.caseservice.categories.Category;
import org.grassroots.caseservice.categories.CategoryAttribute;
import org.grassroots.caseservice.open311.RequestUpdateView;
import org.grassroots.caseservice.open311.ServiceRequestView;

import tools.jackson.databind.json.JsonMapper;

/**
 * The specification's documents, built once as ordered fields and written either as JSON (lists as
 * arrays, a missing value as {@code null}) or as XML (a list wrapped in its plural element with one
 * singular element per item, a missing value left out; the {@code <?xml … encoding="UTF-8"?>}
 * declaration first). Times are W3C date-times in the district's zone with its offset.
 */
final class Open311Documents {

    /** The element of each item of a list, by the list's element. */
    private static final Map<String, String> ITEM = Map.of(
            "services", "service", "attributes", "attribute", "values", "value",
            "service_requests", "request", "service_request_updates", "request_update", "errors", "error");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final DateTimeFormatter times;

    Open311Documents(ZoneId zone) {
        this.times = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    /** A document: its root element and its content (a list of items, or the fields of one object). */
    record Document(String root, Object content) {
    }

    String write(Document document, Open311Format format) {
        return format == Open311Format.JSON ? JSON.writeValueAsString(document.content()) : xml(document);
    }

    Document services(List<Category> services) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Category category : services) {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("service_code", category.code());
            service.put("service_name", category.name());
            service.put("description", category.definition().nameEn());
            service.put("metadata", !category.definition().attributes().isEmpty());
            service.put("type", "realtime");
            service.put("keywords", category.definition().nameEn() == null ? null
                    : category.definition().nameEn().toLowerCase(java.util.Locale.ROOT).replace(' ', ','));
            service.put("group", category.departmentId());
            items.add(service);
        }
        return new Document("services", items);
    }

    Document definition(Category category) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        int order = 1;
        for (CategoryAttribute question : category.definition().attributes()) {
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("variable", true);
            attribute.put("code", question.code());
            attribute.put("datatype", datatypeOf(question.datatype()));
            attribute.put("required", question.required());
            attribute.put("datatype_description", datatypeDescription(question));
            attribute.put("order", order++);
            attribute.put("description", question.label());
            List<Map<String, Object>> values = valuesOf(question);
            if (!values.isEmpty()) {
                attribute.put("values", values);
            }
            attributes.add(attribute);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", category.code());
        definition.put("attributes", attributes);
        return new Document("service_definition", definition);
    }

    /**
     * Open311's datatypes: a yes-or-no question, which the specification has no type for, is a
     * singlevaluelist of {@code true} and {@code false}.
     */
    static String datatypeOf(CategoryAttribute.Datatype datatype) {
        return switch (datatype) {
            case STRING -> "string";
            case NUMBER -> "number";
            case DATETIME -> "datetime";
            case BOOLEAN, SINGLE_VALUE -> "singlevaluelist";
            case MULTI_VALUE -> "multivaluelist";
        };
    }

    private static String datatypeDescription(CategoryAttribute question) {
        String hint = switch (question.datatype()) {
            case STRING -> "文字，最多1000字 / Text of at most 1000 characters";
            case NUMBER -> "数字 / A number";
            case DATETIME -> "日期时间，如 2026-11-21T09:30:00+08:00 / An ISO 8601 date and time";
            case BOOLEAN -> "是或否 / true or false";
            case SINGLE_VALUE -> "选一项 / One of the values";
            case MULTI_VALUE -> "可多选 / Any of the values, each at most once";
        };
        return question.description() == null ? hint : question.description() + " — " + hint;
    }

    private static List<Map<String, Object>> valuesOf(CategoryAttribute question) {
        List<Map<String, Object>> values = new ArrayList<>();
        if (question.datatype() == CategoryAttribute.Datatype.BOOLEAN) {
            values.add(value("true", "是 / Yes"));
            values.add(value("false", "否 / No"));
        } else {
            question.allowedValues().forEach(allowed -> values.add(value(allowed, allowed)));
        }
        return values;
    }

    private static Map<String, Object> value(String key, String name) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("key", key);
        value.put("name", name);
        return value;
    }

    Document created(String serviceRequestId, String notice) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", serviceRequestId);
        request.put("service_notice", notice);
        request.put("account_id", null);
        return new Document("service_requests", List.of(request));
    }

    Document requests(List<ServiceRequestView> views) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ServiceRequestView view : views) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("service_request_id", view.serviceRequestId());
            request.put("status", view.open() ? "open" : "closed");
            request.put("status_notes", view.statusNotes());
            request.put("service_name", view.serviceName());
            request.put("service_code", view.serviceCode());
            request.put("description", view.description());
            request.put("agency_responsible", view.agencyResponsible());
            request.put("service_notice", view.serviceNotice());
            request.put("requested_datetime", time(view.requestedAt()));
            request.put("updated_datetime", time(view.updatedAt()));
            request.put("expected_datetime", time(view.expectedAt()));
            request.put("address", view.address());
            request.put("address_id", null);
            request.put("zipcode", null);
            request.put("lat", view.lat());
            request.put("long", view.lon());
            request.put("media_url", view.mediaUrl());
            items.add(request);
        }
        return new Document("service_requests", items);
    }

    Document updates(List<RequestUpdateView> views) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (RequestUpdateView view : views) {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("update_id", view.updateId());
            update.put("service_request_id", view.serviceRequestId());
            update.put("status", view.open() ? "open" : "closed");
            update.put("updated_datetime", time(view.updatedAt()));
            update.put("description", view.description());
            update.put("media_url", view.mediaUrl());
            items.add(update);
        }
        return new Document("service_request_updates", items);
    }

    static Document errors(int code, List<String> descriptions) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String description : descriptions) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("description", description);
            items.add(error);
        }
        return new Document("errors", items);
    }

    private String time(Instant instant) {
        return instant == null ? null : times.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String xml(Document document) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, document.root(), document.content());
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write an Open311 document", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                element(xml, (String) field.getKey(), field.getValue());
            }
        } else if (value instanceof List<?> items) {
            String item = ITEM.getOrDefault(name, "item");
            for (Object each : items) {
                element(xml, item, each);
            }
        } else if (value instanceof Double number) {
            xml.writeCharacters(java.math.BigDecimal.valueOf(number).toPlainString());
        } else {
            xml.writeCharacters(String.valueOf(value));
        }
        xml.writeEndElement();
    }
}
