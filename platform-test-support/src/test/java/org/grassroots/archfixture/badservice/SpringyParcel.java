package org.grassroots.archfixture.badservice;

import org.springframework.http.ResponseEntity;

/** Breaks two rules: a domain class that answers HTTP itself. */
public class SpringyParcel {

    public ResponseEntity<String> describe() {
        return ResponseEntity.ok("parcel");
    }
}
