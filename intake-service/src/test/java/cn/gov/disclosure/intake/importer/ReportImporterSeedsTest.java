package cn.gov.disclosure.intake.importer;

import static cn.gov.disclosure.intake.importer.ImporterTestSupport.json;
import static cn.gov.disclosure.intake.importer.ImporterTestSupport.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.GoldenSeeds;
import cn.gov.disclosure.contracts.model.AnnualReport;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The five seeds read from their text give their golden reports exactly. */
class ReportImporterSeedsTest {

    private final ReportImporter importer = new ReportImporter();

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cn.gov.disclosure.contracts.GoldenSeeds#numbers")
    void seedTextGivesTheGoldenReport(int n) throws Exception {
        ImportResult result = importer.importText(GoldenSeeds.seedText(n));

        AnnualReport golden = GoldenSeeds.load(n);
        assertThat(result.report()).isEqualTo(golden);
        assertThat(json(result.report())).isEqualTo(ContractsJson.mapper().readTree(GoldenSeeds.json(n)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cleanSeeds")
    void seedsWithoutAnythingOddGiveNoNotes(int n) {
        assertThat(importer.importText(GoldenSeeds.seedText(n)).notes()).isEmpty();
    }

    static IntStream cleanSeeds() {
        return IntStream.of(0, 1, 2, 3);
    }

    @Test
    void seed004WarnsOfEachRowWithAnExtraCell() {
        String text = GoldenSeeds.seedText(4);

        List<ImportNote> notes = importer.importText(text).notes();

        assertThat(notes)
                .extracting(ImportNote::row, ImportNote::line)
                .containsExactly(
                        Tuple.tuple("resultTotal", lineOf(text, "(七) 总计")),
                        Tuple.tuple("carriedForward", lineOf(text, "四、结转下年度继续办理")),
                        Tuple.tuple("reviewsAndLitigation", lineOf(text, "0\t0\t0\t0\t0\t0\t0\t0\t0\t0")));
        assertThat(notes.get(0).messageZh()).contains("（七）总计", "8个数值", "7列");
        assertThat(notes.get(0).messageEn()).contains("8 values", "7 columns");
        assertThat(notes.get(1).messageZh()).contains("四、结转下年度继续办理", "8个数值");
        assertThat(notes.get(2).messageZh()).contains("表4", "16个数值", "15列");
    }

    @Test
    void theImporterIsStatelessAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<AnnualReport>> futures = IntStream.range(0, 20)
                    .mapToObj(i -> pool.submit(() ->
                            importer.importText(GoldenSeeds.seedText(i % 5)).report()))
                    .toList();
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(GoldenSeeds.load(i % 5));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
