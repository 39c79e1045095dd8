package io.certtrail.platform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules map ({@code docs/RULES.md}) stays true: every rule has its code, events, unit tests
 * and story tests, every link leads to a file that exists (and a test method to a method that
 * exists), and every rule the code's comments cite is in the map.
 */
class RulesMapTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path MAP = ROOT.resolve("docs/RULES.md");
    private static final Pattern RULE = Pattern.compile("(?m)^## Rule (\\d+)$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)#]+)(?:#([A-Za-z0-9]+))?\\)");
    private static final List<String> PARTS = List.of("- Code:", "- Events:", "- Unit tests:", "- Story tests:");

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sections() {
        String map = read(MAP);
        Matcher rule = RULE.matcher(map);
        List<Integer> starts = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        while (rule.find()) {
            assertThat(Integer.parseInt(rule.group(1)))
                    .as("rules are numbered once, in order")
                    .isEqualTo(starts.size() + 1);
            starts.add(rule.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            sections.add(map.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : map.length()));
        }
        return sections;
    }

    @Test
    void everyRuleNamesItsCodeEventsAndTestsAndEveryLinkLeadsSomewhere() {
        List<String> sections = sections();
        assertThat(sections).hasSizeGreaterThanOrEqualTo(13);
        List<String> broken = new ArrayList<>();
        for (String section : sections) {
            String title = section.lines().findFirst().orElseThrow();
            for (String part : PARTS) {
                String line = section.lines()
                        .filter(l -> l.startsWith(part))
                        .findFirst()
                        .orElse(null);
                if (line == null) {
                    broken.add(title + ": no \"" + part + "\" line");
                    continue;
                }
                Matcher link = LINK.matcher(line);
                int links = 0;
                while (link.find()) {
                    links++;
                    Path target = MAP.getParent().resolve(link.group(2)).normalize();
                    if (!Files.isRegularFile(target)) {
                        broken.add(title + ": " + link.group(1) + " -> no file " + link.group(2));
                    } else if (link.group(3) != null && !read(target).contains("void " + link.group(3) + "(")) {
                        broken.add(title + ": " + link.group(1) + " -> no method " + link.group(3));
                    }
                }
                boolean explained = part.equals("- Unit tests:") && line.startsWith(part + " none: ");
                if (links == 0 && !explained) {
                    broken.add(title + ": \"" + part + "\" names nothing");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyRuleTheCodeCitesIsInTheMap() throws IOException {
        int rules = sections().size();
        Pattern cited = Pattern.compile("(?i)\\brules? (\\d+)\\b");
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/"))
                    .forEach(file -> {
                        Matcher m = cited.matcher(read(file));
                        while (m.find()) {
                            if (Integer.parseInt(m.group(1)) > rules) {
                                unknown.add(ROOT.relativize(file) + ": " + m.group());
                            }
                        }
                    });
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theReadmeLinksTheMap() {
        assertThat(read(ROOT.resolve("README.md")).toLowerCase(Locale.ROOT)).contains("](docs/rules.md)");
    }

    @Test
    void theReadmesModuleTableListsEveryModuleAndNoOther() {
        List<String> modules = new ArrayList<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve("pom.xml")));
        while (module.find()) {
            modules.add(module.group(1));
            assertThat(ROOT.resolve(module.group(1))).isDirectory();
        }
        String readme = read(ROOT.resolve("README.md"));
        String table = readme.substring(
                readme.indexOf("## Modules"), readme.indexOf("\n## ", readme.indexOf("## Modules") + 1));
        List<String> listed = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|").matcher(table);
        while (row.find()) {
            listed.add(row.group(1));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(modules);
    }
}
