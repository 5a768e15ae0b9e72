package dev.cdkbootstrap.sandbox.front;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small reads and answers in the AWS query protocol's XML (CloudFormation, STS, IAM), for the front's fixes. */
public final class QueryXml {
    public static final String CLOUDFORMATION = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private QueryXml() {}

    /** The text of the first {@code <tag>} element, unescaped; empty when there is none. */
    public static Optional<String> first(String xml, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(xml);
        return m.find() ? Optional.of(unescape(m.group(1))) : Optional.empty();
    }

    /** An error answer as AWS sends it: {@code <ErrorResponse><Error><Type/><Code/><Message/></Error>}. */
    public static Reply error(int status, String namespace, String code, String message) {
        return Reply.of(status, "text/xml", "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>" + UUID.randomUUID()
                + "</RequestId></ErrorResponse>");
    }

    /** A successful answer without a result body ({@code <ActionResponse><ActionResult/>...}). */
    public static Reply empty(String action, String namespace) {
        return Reply.of(200, "text/xml", "<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result/>"
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></" + action
                + "Response>");
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&apos;", "'").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
