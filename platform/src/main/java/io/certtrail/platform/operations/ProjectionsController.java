package io.certtrail.platform.operations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's view of this instance's event processors (operators only, by the security rules). */
@RestController
class ProjectionsController {

    private final ProcessorProgress progress;

    ProjectionsController(ProcessorProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/api/operator/projections")
    ProcessorProgress.Projections projections() {
        return progress.now();
    }
}
