package dev.cdkbootstrap.sandbox.quirks;

import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.ResponseFix;
import dev.cdkbootstrap.sandbox.template.CfnYaml;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * moto 5.2.1 quirk: a stack created or updated through a change set keeps the outputs of the template
 * it had before (none for a stack created by a change set, the old {@code BootstrapVersion} after an
 * update): {@code ExecuteChangeSet} applies the resources but never rebuilds the output map. AWS reports
 * the outputs of the template the stack now has. DescribeStacks answers are corrected from the stack's
 * current template (GetTemplate): every output whose value is a literal (as the bootstrap template's
 * {@code BootstrapVersion} is) takes that value; other outputs stay as moto computed them. Each
 * correction is logged.
 */
public final class ChangeSetOutputs implements ResponseFix {
    private final MotoForwarder moto;
    private final PrintStream log;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public ChangeSetOutputs(MotoForwarder moto, PrintStream log) {
        this.moto = moto;
        this.log = log;
    }

    @Override
    public Reply apply(Exchange request, Reply response) {
        if (response.status() != 200 || !"DescribeStacks".equals(request.formParameters().get("Action"))) {
            return response;
        }
        try {
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body()));
            boolean changed = false;
            NodeList stacks = xml.getElementsByTagName("StackName");
            for (int i = 0; i < stacks.getLength(); i++) {
                Element stack = (Element) stacks.item(i).getParentNode();
                changed |= correct(request, xml, stack, stacks.item(i).getTextContent());
            }
            return changed ? response.withBody(serialize(xml)) : response;
        } catch (Exception e) {
            log.println("sandbox: could not correct the outputs of a DescribeStacks answer: " + e);
            return response;
        }
    }

    private boolean correct(Exchange request, Document xml, Element stack, String stackName) {
        if (child(stack, "StackStatus").map(s -> s.getTextContent().startsWith("DELETE")).orElse(true)) {
            return false;
        }
        Map<String, String> literal = literalOutputs(request, stackName);
        if (literal.isEmpty()) {
            return false;
        }
        Element outputs = child(stack, "Outputs").orElseGet(() -> (Element) stack.appendChild(xml.createElement("Outputs")));
        Map<String, Element> present = new LinkedHashMap<>();
        for (Element member : children(outputs, "member")) {
            child(member, "OutputKey").ifPresent(key -> present.put(key.getTextContent(), member));
        }
        boolean changed = false;
        for (Map.Entry<String, String> output : literal.entrySet()) {
            Element member = present.get(output.getKey());
            if (member == null) {
                member = (Element) outputs.appendChild(xml.createElement("member"));
                member.appendChild(xml.createElement("OutputKey")).setTextContent(output.getKey());
                member.appendChild(xml.createElement("OutputValue"));
            }
            Element value = child(member, "OutputValue").orElseThrow();
            if (!output.getValue().equals(value.getTextContent())) {
                String stackId = child(stack, "StackId").map(Element::getTextContent).orElse(stackName);
                if (reported.add(stackId + "/" + output.getKey() + "=" + output.getValue())) {
                    log.println("sandbox: moto quirk: DescribeStacks of " + stackId + " reported output "
                            + output.getKey() + " as '" + value.getTextContent() + "' (outputs are not rebuilt by"
                            + " ExecuteChangeSet); corrected to '" + output.getValue() + "' from its current template");
                }
                value.setTextContent(output.getValue());
                changed = true;
            }
        }
        return changed;
    }

    /** Outputs of the stack's current template whose value is a plain string or number. */
    private Map<String, String> literalOutputs(Exchange request, String stackName) {
        String body = "Action=GetTemplate&Version=2010-05-15&TemplateStage=Original&StackName="
                + URLEncoder.encode(stackName, StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
        Reply template = moto.forward(new Exchange("POST", request.uri(), headers, body.getBytes(StandardCharsets.UTF_8)));
        if (template.status() != 200) {
            return Map.of();
        }
        Map<String, String> literal = new LinkedHashMap<>();
        try {
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(template.body()));
            NodeList bodies = xml.getElementsByTagName("TemplateBody");
            if (bodies.getLength() == 0) {
                return Map.of();
            }
            Object outputs = CfnYaml.parse(bodies.item(0).getTextContent(), stackName).get("Outputs");
            if (outputs instanceof Map<?, ?> map) {
                map.forEach((key, output) -> {
                    Object value = output instanceof Map<?, ?> o ? o.get("Value") : null;
                    if (value instanceof String || value instanceof Number) {
                        literal.put(String.valueOf(key), String.valueOf(value));
                    }
                });
            }
        } catch (Exception unreadable) {
            return Map.of();
        }
        return literal;
    }

    private static java.util.Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new java.util.ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String serialize(Document xml) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(xml), new StreamResult(out));
        return out.toString();
    }
}
