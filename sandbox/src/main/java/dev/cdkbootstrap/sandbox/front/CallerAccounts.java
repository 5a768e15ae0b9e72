package dev.cdkbootstrap.sandbox.front;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which account a request to the front endpoint acts in, as AWS would know it from the credentials:
 * <ul>
 * <li>an explicit {@code x-moto-account-id} header (the sandbox's own clients in a chosen account);</li>
 * <li>the keys an {@code sts:AssumeRole} answer issued: the role's account (recorded here, as a
 *     {@link ResponseFix}, from every successful AssumeRole that passes the front endpoint);</li>
 * <li>any other key (the sandbox's test keys, moto's interpreter's {@code ak}, unsigned calls): the
 *     deployment account. moto files such calls under its default account 123456789012, so
 *     {@link #attribute} adds the header naming the deployment account before the request is routed.</li>
 * </ul>
 * moto's own {@code MOTO_ACCOUNT_ID} cannot do this: it takes precedence over the header and over
 * assumed-role keys alike, so every call would land in one account.
 */
public final class CallerAccounts implements ResponseFix {
    public static final String ACCOUNT_HEADER = "x-moto-account-id";
    private static final Pattern ROLE_ACCOUNT = Pattern.compile("^arn:[a-z-]+:iam::(\\d{12}):role/.+$");

    private final String deploymentAccount;
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    /** @param deploymentAccount the account the sandbox's default credentials stand for */
    public CallerAccounts(String deploymentAccount) {
        this.deploymentAccount = deploymentAccount;
    }

    public String deploymentAccount() {
        return deploymentAccount;
    }

    /** The request, with the deployment account's header when it is signed with keys no AssumeRole issued. */
    public Exchange attribute(Exchange exchange) {
        if (exchange.header(ACCOUNT_HEADER).isPresent()
                || exchange.accessKeyId().map(issued::containsKey).orElse(false)) {
            return exchange;
        }
        return exchange.withHeader(ACCOUNT_HEADER, deploymentAccount);
    }

    /** The account the request acts in (after {@link #attribute}: always known). */
    public String accountOf(Exchange exchange) {
        return exchange.header(ACCOUNT_HEADER)
                .or(() -> exchange.accessKeyId().map(issued::get))
                .orElse(deploymentAccount);
    }

    /** Records the keys of a successful AssumeRole with the role's account. */
    @Override
    public Reply apply(Exchange request, Reply response) {
        if (response.status() != 200) {
            return response;
        }
        Map<String, String> params = request.formParameters();
        if (!"AssumeRole".equals(params.get("Action"))) {
            return response;
        }
        Matcher role = ROLE_ACCOUNT.matcher(params.getOrDefault("RoleArn", ""));
        Optional<String> key = QueryXml.first(response.bodyText(), "AccessKeyId");
        if (role.matches() && key.isPresent()) {
            issued.put(key.get(), role.group(1));
        }
        return response;
    }
}
