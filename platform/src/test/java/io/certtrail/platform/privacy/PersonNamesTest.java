package io.certtrail.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void aPrintedNameIsTheGivenAndFamilyNameInEitherOrderWhateverTheAccentsAndCase() {
        assertThat(PersonNames.isNameOf("Wan Li", "Wan", "Li")).isTrue();
        assertThat(PersonNames.isNameOf("LI WAN", "Wan", "Li")).isTrue();
        assertThat(PersonNames.isNameOf("李瑞瑞", "瑞瑞", "李")).isTrue();
        assertThat(PersonNames.isNameOf("Jose Nunez", "José", "Núñez")).isTrue();
    }

    @Test
    void anotherNameOrNoNameAtAllIsNot() {
        assertThat(PersonNames.isNameOf("李瑞瑞", "Wan", "Li")).isFalse();
        assertThat(PersonNames.isNameOf("Wan", "Wan", "Li")).isFalse();
        assertThat(PersonNames.isNameOf("Wan Li Wei", "Wan", "Li")).isFalse();
        assertThat(PersonNames.isNameOf("Wan Li", null, null)).isFalse();
        assertThat(PersonNames.isNameOf("", "", "")).isFalse();
    }
}
