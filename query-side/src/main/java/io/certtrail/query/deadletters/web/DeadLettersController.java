package io.certtrail.query.deadletters.web;

import io.certtrail.query.deadletters.DeadLetters;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events the projections could not handle, parked per projection, and their retry once the cause
 * is fixed (operators only, by the security rules). With several query-side instances, every
 * instance shows the same queues (they live in MongoDB); a retry runs on the instance asked.
 */
@RestController
@RequestMapping("/api/operator/dead-letters")
class DeadLettersController {

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetters.Group> parked() {
        return deadLetters.all();
    }

    @PostMapping("/{processingGroup}/retries")
    DeadLetters.Retry retry(@PathVariable String processingGroup) {
        return deadLetters.retry(processingGroup);
    }
}
