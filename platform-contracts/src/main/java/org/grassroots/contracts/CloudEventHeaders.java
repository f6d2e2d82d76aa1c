package org.grassroots.contracts;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding in binary content mode: the
 * event attributes travel as {@code ce_}-prefixed headers and the record value is the bare JSON
 * payload. See {@link EventEnvelope} for reading and writing them.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    /** The binding maps the {@code datacontenttype} attribute to the plain {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";
    /** CloudEvents extension attribute that ties together every event caused by one request. */
    public static final String CORRELATION_ID = "ce_correlationid";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    private CloudEventHeaders() {
    }
}
