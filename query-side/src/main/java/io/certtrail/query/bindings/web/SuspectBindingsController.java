package io.certtrail.query.bindings.web;

import io.certtrail.query.bindings.SuspectBindingReads;
import io.certtrail.query.bindings.SuspectBindingReads.Suspects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The certification office's review list (rule 5). Addresses are masked; an operator unbinds by
 * the {@code addressKey} shown, without ever needing the address in full.
 */
@RestController
@RequestMapping("/api/operator")
class SuspectBindingsController {

    private final SuspectBindingReads reads;

    SuspectBindingsController(SuspectBindingReads reads) {
        this.reads = reads;
    }

    @GetMapping("/suspect-bindings")
    Suspects suspects(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return reads.page(page, size);
    }
}
