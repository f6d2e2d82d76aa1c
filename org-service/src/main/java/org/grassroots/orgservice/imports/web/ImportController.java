package org.grassroots.orgservice.imports.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.grassroots.orgservice.imports.ImportReport;
import org.grassroots.orgservice.imports.ImportRequest;
import org.grassroots.orgservice.imports.OrgImport;
import org.grassroots.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/orgs/import}: a whole district as JSON (all sections) or CSV (units). */
@RestController
class ImportController {

    private final OrgImport imports;

    ImportController(OrgImport imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/orgs/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('district_admin', 'platform_admin')")
    ImportReport importJson(@RequestBody ImportRequest request, Caller caller) {
        return imports.load(request, caller);
    }

    @PostMapping(path = "/api/orgs/import", consumes = "text/csv")
    @PreAuthorize("hasAnyRole('district_admin', 'platform_admin')")
    ImportReport importCsv(@RequestBody byte[] csv,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, Caller caller) {
        // UTF-8 unless the request says otherwise: district lists are full of Chinese names.
        Charset charset = Optional.ofNullable(MediaType.parseMediaType(contentType).getCharset())
                .orElse(StandardCharsets.UTF_8);
        return imports.load(new ImportRequest(imports.parseCsvUnits(new String(csv, charset)), null, null, null),
                caller);
    }
}
