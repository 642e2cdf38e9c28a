package org.careaccess.keycloak.staff.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SignInLinkResourceTest {

    @Test
    void urlSafeBase64CodesAreLookedUpWhereTheyWereOpened() {
        assertThat(List.of("Zby6-f5_WpfKGDXnZby6-f5_WpfKGDXnZby6-f5_Wpf", SignInLinkResource.NOT_A_LINK, "123"))
                .allMatch(SignInLinkResource::isUrlSafe);
    }

    @Test
    void codesAUriTemplateOrDecodingTripsOnAreSentToAPlainUriFirst() {
        assertThat(List.of("${7*7}", "{{7*7}}", "{0}{1}", "<#assign x=1>", "a b", "%zz", "\u0661\u0665", ""))
                .noneMatch(SignInLinkResource::isUrlSafe);
        assertThat(SignInLinkResource.isUrlSafe(null)).isFalse();
    }
}
