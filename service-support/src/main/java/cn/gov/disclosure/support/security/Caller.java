package cn.gov.disclosure.support.security;

import java.util.Set;

/** Who is calling: the token's subject and name, roles, and the code of the organisation the user belongs to. */
public record Caller(String subject, String name, Set<String> roles, String organisationCode) {

    public boolean is(String role) {
        return roles.contains(role);
    }
}
