package org.reportplatform.indicators.streams;

/** The regions the topology tests submit for, named once: Jiangxi, two of its cities and some of their counties. */
final class TestRegions {

    static final String JIANGXI = "360000";
    static final String NANCHANG = "360100";
    static final String DONGHU = "360102";
    static final String XIHU = "360103";
    static final String GANZHOU = "360700";
    static final String XINFENG = "360722";
    static final String DAYU = "360723";
    static final String XUNWU = "360734";
    static final String SHICHENG = "360735";

    private TestRegions() {
    }
}
