package io.certtrail.query.catalogue.web;

import io.certtrail.query.catalogue.CatalogueReads;
import io.certtrail.query.catalogue.CatalogueReads.Certification;
import io.certtrail.query.catalogue.CatalogueReads.Unknown;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue of certifications, for anyone; and, for the office, what records name that it lacks. */
@RestController
class CatalogueReadsController {

    private final CatalogueReads reads;

    CatalogueReadsController(CatalogueReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/public/catalogue")
    List<Certification> catalogue() {
        return reads.catalogue();
    }

    @GetMapping("/api/operator/catalogue/unknown-certifications")
    List<Unknown> unknown() {
        return reads.unknown();
    }
}
