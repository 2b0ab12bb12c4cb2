package dev.hcgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md, loadtest/README.md and docs/*.md: every relative link names a file or directory of the repository;
 * the README names every document and every command of the jar.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** A Markdown inline link or image: {@code [text](target)} or {@code [text](target "title")}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    @Test
    void everyRelativeLink_inTheReadmeAndDocs_resolves() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("loadtest/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> dead = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            for (String target : relativeLinks(Files.readString(page))) {
                checked++;
                if (!Files.exists(page.getParent().resolve(target).normalize())) {
                    dead.add(ROOT.relativize(page) + " -> " + target);
                }
            }
        }
        assertThat(checked).as("links found (the pattern still matches)").isGreaterThan(10);
        assertThat(dead).as("dead relative links").isEmpty();
    }

    @Test
    void everyDocument_isLinkedFromTheReadme() throws Exception {
        List<String> links = relativeLinks(Files.readString(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            assertThat(docs.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".yaml"))
                    .map(p -> "docs/" + p.getFileName()).sorted().toList())
                    .as("documents the README links to").allMatch(links::contains);
        }
        assertThat(links).contains("loadtest/README.md");
    }

    @Test
    void everyCommand_isInTheReadmeCommandTable() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
        List<String> commands = dev.hcgateway.cli.GatewayCli.commandLine(sink, sink, java.util.Map.of(),
                java.time.Clock.systemUTC()).getSubcommands().keySet().stream().filter(c -> !c.equals("help")).toList();
        assertThat(commands).hasSizeGreaterThan(5)
                .allMatch(c -> readme.contains("\n| `" + c + " ") || readme.contains("\n| `" + c + "`"));
    }

    @Test
    void linkPattern_findsRelativeTargetsOnly() {
        assertThat(relativeLinks("see [a](docs/a.md#x), [b](https://e.org/b), [c](#top), [d](../D \"t\")"))
                .containsExactly("docs/a.md", "../D");
    }

    /** Returns the link targets of a page that point into the repository, without their fragments. */
    static List<String> relativeLinks(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(markdown);
        while (m.find()) {
            String target = m.group(1);
            if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("#")) {
                continue; // a URL (http:, mailto:) or an anchor in the same page
            }
            int hash = target.indexOf('#');
            out.add(hash < 0 ? target : target.substring(0, hash));
        }
        return out;
    }
}
