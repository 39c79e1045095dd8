package io.certtrail.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.certtrail.platform.axon.ProcessingGroups;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Processing groups are named once ({@link ProcessingGroups}): every handler's group is in the
 * registry, and every processor the settings files configure is one of them, the whole list each.
 */
class ProcessingGroupsTest {

    @SuppressWarnings("unchecked")
    private static Set<String> processorsIn(String resource) throws IOException {
        try (InputStream in = ProcessingGroupsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            // the first document: the settings every mode shares (application.yml has more, per mode)
            Map<String, Object> yaml =
                    (Map<String, Object>) new Yaml().loadAll(in).iterator().next();
            Map<String, Object> axon = (Map<String, Object>) yaml.get("axon");
            Map<String, Object> handling = (Map<String, Object>) axon.get("eventhandling");
            return ((Map<String, Object>) handling.get("processors")).keySet();
        }
    }

    @Test
    void theSettingsFilesConfigureExactlyTheRegisteredProcessors() throws IOException {
        assertThat(processorsIn("query-side.yml")).containsExactlyInAnyOrderElementsOf(ProcessingGroups.PROJECTIONS);
        assertThat(processorsIn("command-side.yml")).containsExactlyInAnyOrderElementsOf(ProcessingGroups.COMMAND_SIDE);
        // the embedded default: every projection, and the command side's processors it tunes
        assertThat(processorsIn("application.yml"))
                .containsAll(ProcessingGroups.PROJECTIONS)
                .allMatch(name ->
                        ProcessingGroups.PROJECTIONS.contains(name) || ProcessingGroups.COMMAND_SIDE.contains(name));
    }

    @Test
    void everyHandlersGroupIsRegisteredAndEveryRegisteredGroupHasHandlers() {
        Set<String> used = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.certtrail")) {
            type.tryGetAnnotationOfType(ProcessingGroup.class).ifPresent(group -> {
                used.add(group.value());
                if (!ProcessingGroups.PROJECTIONS.contains(group.value())
                        && !ProcessingGroups.COMMAND_SIDE.contains(group.value())) {
                    unknown.add(type.getName() + ": " + group.value());
                }
            });
        }
        assertThat(unknown).isEmpty();
        assertThat(used).containsAll(ProcessingGroups.PROJECTIONS).containsAll(ProcessingGroups.COMMAND_SIDE);
    }
}
