package org.grassroots.archfixture.badservice.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Breaks the rule that controllers answer with response records: it hands out what is stored. */
@RestController
class LeakyController {

    @GetMapping("/parcels")
    List<StoredParcel> list() {
        return List.of(new StoredParcel("p-1"));
    }
}
