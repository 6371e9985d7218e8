package cn.gov.disclosure.contracts.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationNamesTest {

    @ParameterizedTest
    @CsvSource({
        "会盟镇, 会盟镇人民政府",
        "紫帽镇人民政府, 晋江市紫帽镇人民政府",
        "晋江市紫帽镇人民政府, 紫帽镇",
        "昌傅镇人民政府, 樟树市昌傅镇",
        "福建省晋江市紫帽镇, 紫帽镇人民政府",
        "洛阳市孟津区会盟镇人民政府, 会盟镇",
        "红星镇政府, 红星镇",
        "东城街道办事处, 东城街道",
        "南口镇, 南 口 镇"
    })
    void sameOrgan(String a, String b) {
        assertThat(OrganisationNames.sameOrgan(a, b)).isTrue();
        assertThat(OrganisationNames.sameOrgan(b, a)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"南口镇, 河南口镇", "会盟镇, 会盟乡", "紫帽镇人民政府, 晋江市人民政府", "城关镇, 城关镇东街社区", "红星镇, ''", "人民政府, 红星镇人民政府"})
    void differentOrgans(String a, String b) {
        assertThat(OrganisationNames.sameOrgan(a, b)).isFalse();
        assertThat(OrganisationNames.sameOrgan(b, a)).isFalse();
    }
}
