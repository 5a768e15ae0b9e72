package dev.cdkbootstrap.config.yaml;

import dev.cdkbootstrap.config.ConfigLimits;
import dev.cdkbootstrap.config.ErrorCollector;
import dev.cdkbootstrap.config.Place;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.scanner.Scanner;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.tokens.Token;

/**
 * Turns cdk-app.yml bytes into a SnakeYAML node tree (which keeps line/column marks and the raw
 * text of every scalar), enforcing the hardening rules: size cap before parsing, strict UTF-8,
 * no type tags, bounded aliases, nodes and depth. Duplicate keys are checked by the schema reader,
 * which knows the path. Any failure becomes one error; nothing here throws to the caller.
 */
public final class HardenedYaml {
    private static final String EMPTY = "file is empty; expected a mapping with the key cdk_app_config";

    private HardenedYaml() {}

    /** The document's root node, or {@code null} after recording why there is none. */
    public static Node load(byte[] content, ErrorCollector errors) {
        if (content.length > ConfigLimits.MAX_BYTES) {
            errors.add(Place.fileStart(), ConfigLimits.tooLarge(content.length));
            return null;
        }
        String text = decodeUtf8(content, errors);
        if (text == null) {
            return null;
        }
        if (onlyDocumentMarkers(text)) {
            errors.add(Place.fileStart(), EMPTY);
            return null;
        }
        GuardedParser parser = new GuardedParser(new ParserImpl(new StreamReader(text), options()));
        try {
            Node root = new Composer(parser, new Resolver(), options()).getSingleNode();
            if (root == null) {
                errors.add(Place.fileStart(), EMPTY);
            }
            return root;
        } catch (YamlRejected e) {
            errors.add(place(e.mark(), e.path()), e.getMessage());
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : parser.lastMark();
            errors.add(place(mark, parser.currentPath()), "YAML syntax: " + describe(e) + hint(e));
        } catch (YAMLException | IllegalArgumentException | StackOverflowError e) {
            errors.add(place(parser.lastMark(), parser.currentPath()), "YAML rejected: " + clean(e.getMessage()));
        }
        return null;
    }

    /**
     * A YAML text other than cdk-app.yml (a custom bootstrap template, already size-checked and decoded)
     * as a node tree under the same limits of aliases, nodes and depth, but with type tags allowed:
     * CloudFormation's short forms ({@code !Ref}, {@code !Sub}, ...) are tags. Tagged nodes stay nodes;
     * nothing is constructed from a tag, so no type can be instantiated.
     *
     * @throws IllegalArgumentException {@code line L, column C: problem} when the text is not one YAML document
     */
    public static Node loadTagged(String text) {
        GuardedParser parser = new GuardedParser(new ParserImpl(new StreamReader(text), options()), true);
        Node root;
        try {
            root = new Composer(parser, new Resolver(), options()).getSingleNode();
        } catch (YamlRejected e) {
            throw new IllegalArgumentException(at(e.mark()) + e.getMessage());
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(at(e.getProblemMark() != null ? e.getProblemMark() : parser.lastMark())
                    + "YAML syntax: " + describe(e) + hint(e));
        } catch (YAMLException | IllegalArgumentException | StackOverflowError e) {
            throw new IllegalArgumentException(at(parser.lastMark()) + "YAML rejected: " + clean(e.getMessage()));
        }
        if (root == null) {
            throw new IllegalArgumentException("it is empty");
        }
        return root;
    }

    private static String at(Mark mark) {
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }

    /**
     * Nothing but comments, directives and document markers: SnakeYAML reads {@code ---} as an empty null
     * document and fails on a lone {@code ...}, but to the reader both are an empty file.
     * Stops at the first token of content, so a real file costs next to nothing here.
     */
    private static boolean onlyDocumentMarkers(String text) {
        try {
            Scanner scanner = new ScannerImpl(new StreamReader(text), options());
            while (!scanner.checkToken(Token.ID.StreamEnd)) {
                Token.ID id = scanner.getToken().getTokenId();
                if (id != Token.ID.StreamStart && id != Token.ID.Directive && id != Token.ID.DocumentStart
                        && id != Token.ID.DocumentEnd) {
                    return false;
                }
            }
            return true;
        } catch (YAMLException e) {
            return false; // the parser reports it, with its place
        }
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        // Defence in depth: the guard enforces tighter limits first, with better messages.
        options.setMaxAliasesForCollections(ConfigLimits.MAX_ALIASES);
        options.setNestingDepthLimit(ConfigLimits.MAX_DEPTH + 1);
        options.setCodePointLimit(ConfigLimits.MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setMergeOnCompose(false);
        options.setTagInspector(tag -> false);
        return options;
    }

    private static String decodeUtf8(byte[] content, ErrorCollector errors) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (content[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            errors.add(new Place(line, offset - lineStart + 1, Place.ROOT),
                    "file is not valid UTF-8 (bad byte at offset " + offset + ")");
            return null;
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Place place(Mark mark, String path) {
        return mark == null ? new Place(1, 1, path) : new Place(mark.getLine() + 1, mark.getColumn() + 1, path);
    }

    private static String describe(MarkedYAMLException e) {
        String problem = clean(e.getProblem());
        String context = clean(e.getContext());
        return context.isEmpty() ? problem : context + ": " + problem;
    }

    /** SnakeYAML reports most indentation mistakes as block-structure problems; say so. */
    private static String hint(MarkedYAMLException e) {
        String text = e.getProblem() + " " + e.getContext();
        return text.contains("<block end>") || text.contains("mapping values are not allowed")
                ? " (check the indentation of this line)" : "";
    }

    /** One line, printable: SnakeYAML messages may hold newlines or the offending control character. */
    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        message.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString().replaceAll(" +", " ").trim();
    }
}
