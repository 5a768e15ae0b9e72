package dev.cdkbootstrap.sandbox.organizations;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The AWS Organizations organization the sandbox pretends its accounts are in (moto 5.2.1 cannot put
 * chosen account ids into an organization: its CreateAccount makes random ids).
 *
 * @param id                {@code o-} and 10-32 of a-z 0-9 (the Organizations id pattern)
 * @param managementAccount the organization's management account (a member)
 * @param members           every member account, the management account included
 */
public record EmulatedOrganization(String id, String managementAccount, Set<String> members) {
    /** Organizations' id pattern (DescribeOrganization's {@code Organization.Id}). */
    public static final Pattern ID = Pattern.compile("^o-[a-z0-9]{10,32}$");

    public EmulatedOrganization {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an organization id (o- and 10-32 of a-z 0-9): " + id);
        }
        members = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(members));
    }

    /**
     * The sandbox's model: {@code named} (every account the configs name and the deployment account)
     * and the management account are members, except the accounts of {@code outside}.
     */
    public static EmulatedOrganization of(String id, String managementAccount, Collection<String> named,
                                          Collection<String> outside) {
        Set<String> members = new TreeSet<>(named);
        members.add(managementAccount);
        members.removeAll(outside);
        return new EmulatedOrganization(id, managementAccount, members);
    }

    public boolean isMember(String account) {
        return members.contains(account);
    }
}
