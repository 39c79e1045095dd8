package io.certtrail.embedded;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's backups of the one-machine system: take one now, list those kept. The files stay
 * on the server (they hold everyone's keys); the operator copies them off it (README).
 */
@RestController
@RequestMapping("/api/operator/backups")
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
        name = "certtrail.embedded.enabled",
        havingValue = "true",
        matchIfMissing = true)
class BackupController {

    private final EmbeddedBackups backups;

    BackupController(EmbeddedBackups backups) {
        this.backups = backups;
    }

    @PostMapping
    ResponseEntity<EmbeddedBackups.Backup> backUp() {
        EmbeddedBackups.Backup written = backups.tryBackUp()
                .orElseThrow(() -> new DomainException(ErrorCode.BACKUP_RUNNING, Text.of("problem.backup-running")));
        return ResponseEntity.status(HttpStatus.CREATED).body(written);
    }

    @GetMapping
    Map<String, List<EmbeddedBackups.Backup>> list() {
        return Map.of("backups", backups.list());
    }
}
