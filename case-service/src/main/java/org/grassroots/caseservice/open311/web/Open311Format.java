package org.grassroots.caseservice.open311.web;

import java.util.Locale;

import org.grassroots.caseservice.open311.Open311Exception;
import org.springframework.http.MediaType;

/** The two formats, chosen as the specification says by the resource's extension: {@code .xml} or {@code .json}. */
enum Open311Format {
    XML(MediaType.parseMediaType("text/xml;charset=UTF-8")),
    JSON(MediaType.parseMediaType("application/json;charset=UTF-8"));

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    static Open311Format of(String extension) {
        return switch (extension == null ? "" : extension.toLowerCase(Locale.ROOT)) {
            case "xml" -> XML;
            case "json" -> JSON;
            default -> throw Open311Exception.notFound("format '" + extension + "' is not offered: use .xml or .json");
        };
    }

    /** The format an error is written in: the path's extension if it names one, XML (the required format) otherwise. */
    static Open311Format ofPath(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : XML;
    }
}
