package dev.cdkbootstrap.config.yaml;

import dev.cdkbootstrap.config.ConfigLimits;
import dev.cdkbootstrap.config.Nodes;
import dev.cdkbootstrap.config.Place;
import java.util.ArrayDeque;
import java.util.Deque;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Sits between SnakeYAML's parser and composer and enforces the hardening rules on each event
 * before a node is built: no type tags (unless allowed: CloudFormation templates use {@code !Ref} and
 * the like, which stay plain nodes since nothing is ever constructed), a bounded number of aliases,
 * nodes and nesting levels. It also tracks the path being parsed, so even a syntax error can name
 * where it happened.
 */
final class GuardedParser implements Parser {
    private final Parser delegate;
    private final boolean tagsAllowed;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private int aliases;
    private int nodes;
    private Mark lastMark;

    GuardedParser(Parser delegate) {
        this(delegate, false);
    }

    GuardedParser(Parser delegate, boolean tagsAllowed) {
        this.delegate = delegate;
        this.tagsAllowed = tagsAllowed;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return delegate.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event event = delegate.getEvent();
        inspect(event);
        return event;
    }

    Mark lastMark() {
        return lastMark;
    }

    /** The path of the node being parsed, e.g. {@code cdk_app_config.deployments[0]}. */
    String currentPath() {
        Frame top = frames.peek();
        if (top == null) {
            return Place.ROOT;
        }
        String path = top.mapping ? (top.expectingKey ? top.path : join(top.path, top.key)) : top.path + "[" + top.index + "]";
        return path.isEmpty() ? Place.ROOT : path;
    }

    private void inspect(Event event) {
        lastMark = event.getStartMark();
        if (!(event instanceof NodeEvent) && !(event instanceof CollectionEndEvent)) {
            return;
        }
        if (event instanceof CollectionEndEvent) {
            frames.pop();
            nodeDone(null);
            return;
        }
        if (++nodes > ConfigLimits.MAX_NODES) {
            throw reject("more than " + ConfigLimits.MAX_NODES + " YAML nodes; this is not a plausible cdk-app.yml");
        }
        if (event instanceof AliasEvent alias) {
            if (++aliases > ConfigLimits.MAX_ALIASES) {
                throw reject("more than " + ConfigLimits.MAX_ALIASES + " aliases (*" + alias.getAnchor()
                        + "); anchors and aliases are limited so a file cannot expand without bound");
            }
            nodeDone(null);
        } else if (event instanceof ScalarEvent scalar) {
            rejectTag(scalar.getTag());
            nodeDone(scalar.getValue());
        } else if (event instanceof CollectionStartEvent start) {
            rejectTag(start.getTag());
            if (frames.size() >= ConfigLimits.MAX_DEPTH) {
                throw reject("nesting deeper than " + ConfigLimits.MAX_DEPTH + " levels");
            }
            frames.push(new Frame(event instanceof MappingStartEvent, childPath()));
        }
    }

    private void rejectTag(String tag) {
        if (tag != null && !tagsAllowed) {
            throw reject("type tags are not allowed (found " + tag + "); write plain values");
        }
    }

    private String childPath() {
        Frame parent = frames.peek();
        if (parent == null) {
            return "";
        }
        if (parent.mapping) {
            return parent.expectingKey ? join(parent.path, "?") : join(parent.path, parent.key);
        }
        return parent.path + "[" + parent.index + "]";
    }

    private void nodeDone(String scalarText) {
        Frame parent = frames.peek();
        if (parent == null) {
            return;
        }
        if (!parent.mapping) {
            parent.index++;
        } else if (parent.expectingKey) {
            parent.key = scalarText == null ? "?" : Nodes.abbreviate(scalarText);
            parent.expectingKey = false;
        } else {
            parent.expectingKey = true;
        }
    }

    private YamlRejected reject(String message) {
        return new YamlRejected(lastMark, currentPath(), message);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static final class Frame {
        final boolean mapping;
        final String path;
        boolean expectingKey = true;
        String key = "?";
        int index;

        Frame(boolean mapping, String path) {
            this.mapping = mapping;
            this.path = path;
        }
    }
}
