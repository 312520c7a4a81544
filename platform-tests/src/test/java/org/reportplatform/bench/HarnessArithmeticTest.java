package org.reportplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's pure parts: the freshness curves and the /proc lines it reads. */
class HarnessArithmeticTest {

    private static CountingCurves.Observation seen(long ms, long count) {
        return new CountingCurves.Observation(ms * 1_000_000, count);
    }

    @Test
    void eachAcceptedSubmissionIsFreshWhenTheFigureFirstCountsIt() {
        List<Long> accepted = List.of(100_000_000L, 200_000_000L, 300_000_000L, 400_000_000L);
        // the figure jumps by two once (one commit took two submissions), never goes back, and misses the 4th
        List<CountingCurves.Observation> figure = List.of(seen(50, 0), seen(150, 1), seen(450, 3), seen(500, 2));

        assertThat(CountingCurves.latenciesMicros(accepted, figure)).containsExactly(50_000, 250_000, 150_000);
    }

    @Test
    void aFigureSeenBeforeTheResponseCountsAsNoDelay() {
        assertThat(CountingCurves.latenciesMicros(List.of(100_000_000L), List.of(seen(90, 1)))).containsExactly(0);
        assertThat(CountingCurves.latenciesMicros(List.of(100_000_000L), List.of())).isEmpty();
    }

    @Test
    void aProcessCpuIsReadPastACommandNameWithSpacesAndParentheses() {
        String line = "4242 (postgres: wal (writer)) S 17 4242 4242 0 -1 4194368 120 0 0 0 250 75 3 4 20 0 1 0 3518 219000000 3000";
        ProcFiles.ProcessCpu cpu = ProcFiles.processCpu(line);

        assertThat(cpu.ppid()).isEqualTo(17);
        assertThat(cpu.ownTicks()).isEqualTo(325);
        assertThat(cpu.reapedChildrenTicks()).isEqualTo(7);
    }

    @Test
    void theIdleShareCountsIdleAndIowaitOverEveryTick() {
        ProcFiles.MachineCpu before = ProcFiles.machineCpu("cpu  100 0 50 800 50 0 0 0 0 0");
        ProcFiles.MachineCpu after = ProcFiles.machineCpu("cpu  160 0 70 900 70 0 0 0 0 0");

        assertThat(after.idleSince(before)).isEqualTo(120.0 / 200);
    }

    @Test
    void theListeningSocketOfAPortIsFoundInNetTcp() {
        List<String> tcp = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:4A84 0100007F:D2A0 01 00000000:00000000 00:00000000 00000000     0        0 111 1 0",
                "   1: 0100007F:4A84 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 222 1 0",
                "   2: 0100007F:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000   106        0 333 1 0");

        assertThat(ProcFiles.listeningInode(tcp, 19076)).isEqualTo(222);
        assertThat(ProcFiles.listeningInode(tcp, 5432)).isEqualTo(333);
        assertThat(ProcFiles.listeningInode(tcp, 8080)).isEqualTo(-1);
    }

    @Test
    void heapIsTheSumOfTheCollectorsTopLevelSpaces() {
        HeapInfo serial = HeapInfo.parse(List.of("4242:",
                " def new generation   total 9792K, used 5043K [0x00000000f6000000, 0x00000000f6aa0000, 0x00000000f8aa0000)",
                "  eden space 8704K,  53% used [0x00000000f6000000, 0x00000000f647cd58, 0x00000000f6880000)",
                " tenured generation   total 21668K, used 17311K [0x00000000f8aa0000, 0x00000000f9fc9000, 0x0000000100000000)",
                " Metaspace       used 60214K, committed 60736K, reserved 1114112K"));

        assertThat(serial).isEqualTo(new HeapInfo(5043 + 17311, 9792 + 21668));
    }

    @Test
    void aFigureIsJudgedAgainstTheIssuesFloorAndGoal() {
        assertThat(Target.atMost(1000, 500).judge(420)).isEqualTo("floor ≤ 1,000, goal ≤ 500: meets the goal");
        assertThat(Target.atMost(1000, 500).judge(800)).endsWith("meets the floor");
        assertThat(Target.atLeast(100, 200).judge(40)).isEqualTo("floor ≥ 100, goal ≥ 200: SHORT of the floor");
        assertThat(Target.atLeast(100, 200).judge(Double.NaN)).endsWith("not measured");
    }
}
