package org.careaccess.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BulkSeederTest {

    @Test
    void rowsBecomeCopyTextWithNullsAndEscapes() {
        assertThat(BulkSeeder.line(new Object[] {"a", 1, null, "tab\there", "back\\slash\nnew"}))
                .isEqualTo("a\t1\t\\N\ttab\\there\tback\\\\slash\\nnew\n");
    }
}
