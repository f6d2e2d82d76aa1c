package org.grassroots.archfixture.goodservice.web;

import org.grassroots.archfixture.goodservice.Parcel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ParcelController {

    @PostMapping("/parcels/deliver")
    ResponseEntity<Void> deliver() {
        new Parcel().deliver();
        return ResponseEntity.noContent().build();
    }
}
