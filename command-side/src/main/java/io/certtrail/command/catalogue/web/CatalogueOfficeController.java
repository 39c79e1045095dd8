package io.certtrail.command.catalogue.web;

import io.certtrail.command.catalogue.CatalogueCommands;
import io.certtrail.command.catalogue.CatalogueCommands.DefineCertification;
import io.certtrail.command.catalogue.CatalogueCommands.Defined;
import io.certtrail.command.support.CommandSender;
import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.platform.certificates.DefaultCatalogue;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The certification office defines the certifications of the catalogue (audited as events). */
@RestController
@RequestMapping("/api/operator/catalogue")
class CatalogueOfficeController {

    static final String NAME = "[A-Za-z0-9][A-Za-z0-9 .&+-]{0,79}";

    private final CommandSender commands;
    private final Clock clock;

    CatalogueOfficeController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * @param level ASSOCIATE, PROFESSIONAL or EXPERT
     * @param validityMonths 1 to 120
     * @param revivesExpired whether a higher certificate of the track renews this one after it expired
     */
    record Definition(
            @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9 &-]{0,39}", message = "is not a track name")
            String track,

            @NotBlank String level,
            @NotNull @Min(1) @Max(120) Integer validityMonths,
            @NotEmpty List<@NotNull CertificateFormat> formats,
            boolean revivesExpired) {}

    @PutMapping("/certifications/{certificationName}")
    Defined define(
            @PathVariable String certificationName,
            @Valid @RequestBody Definition body,
            Caller caller,
            HttpServletRequest request) {
        if (!certificationName.matches(NAME)) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.catalogue-office-controller.1"));
        }
        String level = body.level().strip().toUpperCase(Locale.ROOT);
        if (!DefaultCatalogue.LEVELS.contains(level)) {
            throw new DomainException(
                    ErrorCode.INVALID_INPUT, Text.of("problem.catalogue-office-controller.2", DefaultCatalogue.LEVELS));
        }
        List<CertificateFormat> formats =
                body.formats().stream().distinct().sorted().toList();
        return commands.send(
                new DefineCertification(
                        CatalogueCommands.CATALOGUE_ID,
                        certificationName,
                        body.track().strip(),
                        level,
                        body.validityMonths(),
                        formats,
                        body.revivesExpired(),
                        clock.instant()),
                caller.accountId(),
                caller.primaryRole(),
                request);
    }
}
