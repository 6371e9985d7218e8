package cn.gov.disclosure.contracts.registry;

/**
 * Whether two ways of writing an organ's name mean the same organ. Reports name themselves loosely: 会盟镇 for
 * 会盟镇人民政府, 晋江市紫帽镇人民政府 for 紫帽镇人民政府, 樟树市昌傅镇, XX街道 for XX街道办事处. The rule:
 * <ol>
 *   <li>remove white space and the body suffixes 人民政府, 政府, 办事处 (repeatedly, from the end);</li>
 *   <li>the two names are the same organ when they are equal, or when the shorter is the end of the longer and what the
 *       longer has in front is a chain of higher divisions: it ends in 省, 市, 区, 县, 州, 盟 or 旗 (晋江市, 福建省晋江市,
 *       洛阳市孟津区).</li>
 * </ol>
 * Plain containment is deliberately not enough: 南口镇 is not 河南口镇, 城关镇 is not 城关镇东街社区. Used by intake (a
 * report naming another organ is refused at submission) and by validation's ORG-MISMATCH.
 */
public final class OrganisationNames {

    private static final String[] BODY_SUFFIXES = {"人民政府", "政府", "办事处"};
    private static final String DIVISION_ENDINGS = "省市区县州盟旗";

    private OrganisationNames() {}

    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        String s = sb.toString();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : BODY_SUFFIXES) {
                if (s.length() > suffix.length() && s.endsWith(suffix)) {
                    s = s.substring(0, s.length() - suffix.length());
                    stripped = true;
                }
            }
        }
        return s;
    }

    /** Whether {@code named} (as a report names its organ) is the organisation, by its official or its short name. */
    public static boolean names(String named, OrganisationRegistry.Organisation organisation) {
        return sameOrgan(named, organisation.officialName()) || sameOrgan(named, organisation.name());
    }

    public static boolean sameOrgan(String a, String b) {
        String na = normalise(a);
        String nb = normalise(b);
        if (na.isEmpty() || nb.isEmpty()) {
            return false;
        }
        if (na.equals(nb)) {
            return true;
        }
        String longer = na.length() > nb.length() ? na : nb;
        String shorter = longer == na ? nb : na;
        if (!longer.endsWith(shorter)) {
            return false;
        }
        char before = longer.charAt(longer.length() - shorter.length() - 1);
        return DIVISION_ENDINGS.indexOf(before) >= 0;
    }
}
