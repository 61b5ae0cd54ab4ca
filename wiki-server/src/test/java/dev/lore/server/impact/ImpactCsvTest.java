package dev.lore.server.impact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImpactCsvTest {
    @Test
    void cellsStartingLikeAFormulaGetALeadingQuote() {
        assertThat(ImpactCsv.inert("=1+2")).isEqualTo("'=1+2");
        assertThat(ImpactCsv.inert("+1")).isEqualTo("'+1");
        assertThat(ImpactCsv.inert("-1")).isEqualTo("'-1");
        assertThat(ImpactCsv.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ImpactCsv.inert("\t=1")).isEqualTo("'\t=1");
        assertThat(ImpactCsv.inert("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void otherCellsStayAsTheyAre() {
        assertThat(ImpactCsv.inert("")).isEmpty();
        assertThat(ImpactCsv.inert("Data = Core")).isEqualTo("Data = Core");
        assertThat(ImpactCsv.inert("2026-W03")).isEqualTo("2026-W03");
        assertThat(ImpactCsv.inert("24")).isEqualTo("24");
    }

    @Test
    void anInertCellIsStillQuotedWhenItNeedsToBe() {
        assertThat(ImpactCsv.quote(ImpactCsv.inert("\r=1,2"))).isEqualTo("\"'\r=1,2\"");
    }
}
