package org.careaccess.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What was measured for one scenario, added up over its measurement windows (rounds). */
public final class Measurements {

    private final Scenario scenario;
    private final Map<String, Latencies> steps = new LinkedHashMap<>();
    private final List<String> errorSamples = new ArrayList<>();
    private final List<Double> windowCpuMillisPerFlow = new ArrayList<>();
    private final List<Window> windows = new ArrayList<>();
    private long flows;
    private long errors;
    private double seconds;
    private long serverCpuMillis;
    private long databaseCpuMillis;
    private long driverCpuMillis;
    private long machineBusyMillis;

    public Measurements(Scenario scenario) {
        this.scenario = scenario;
    }

    /** CPU milliseconds used in one measurement window: the server JVM, PostgreSQL, this driver, the whole machine. */
    record Cpu(long server, long database, long driver, long machineBusy) {
    }

    synchronized void addWindow(double windowSeconds, long completed, long failed, Cpu cpu) {
        seconds += windowSeconds;
        flows += completed;
        errors += failed;
        serverCpuMillis += cpu.server();
        databaseCpuMillis += cpu.database();
        driverCpuMillis += cpu.driver();
        machineBusyMillis += cpu.machineBusy();
        windowCpuMillisPerFlow.add(completed == 0 ? 0 : (double) cpu.server() / completed);
    }

    /**
     * One measurement window seen from inside the server: its flows, the server's CPU by thread
     * kind, and PostgreSQL's block counters and stored user sessions (see {@link DatabaseCounters}).
     */
    public record Window(long flows, long serverCpuMillis, Map<ThreadKind, Long> threadMillis, DatabaseCounters database) {

        public double perFlow(long value) {
            return flows == 0 ? 0 : (double) value / flows;
        }
    }

    synchronized void addWindow(Window window) {
        windows.add(window);
    }

    /** The windows seen from inside the server, in the order measured. */
    public synchronized List<Window> windows() {
        return List.copyOf(windows);
    }

    synchronized void addStep(String step, Latencies latencies) {
        steps.computeIfAbsent(step, s -> new Latencies()).addAll(latencies);
    }

    synchronized void addError(String message) {
        if (errorSamples.size() < 5) {
            errorSamples.add(message);
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    public long flows() {
        return flows;
    }

    public long errors() {
        return errors;
    }

    public double seconds() {
        return seconds;
    }

    public double flowsPerSecond() {
        return seconds == 0 ? 0 : flows / seconds;
    }

    /** Server JVM CPU milliseconds (user + system) per completed flow. */
    public double serverCpuMillisPerFlow() {
        return flows == 0 ? 0 : (double) serverCpuMillis / flows;
    }

    /** PostgreSQL CPU milliseconds per completed flow (every postgres process on the machine). */
    public double databaseCpuMillisPerFlow() {
        return flows == 0 ? 0 : (double) databaseCpuMillis / flows;
    }

    /** Flows per second the server could do with every core to itself, from its CPU per flow. */
    public double cpuBoundFlowsPerSecond() {
        double perFlow = serverCpuMillisPerFlow();
        return perFlow == 0 ? 0 : CpuClock.cores() * 1000.0 / perFlow;
    }

    /** Share of the machine's CPU capacity used by the server, PostgreSQL, the driver and everything else. */
    public double serverShare() {
        return share(serverCpuMillis);
    }

    public double databaseShare() {
        return share(databaseCpuMillis);
    }

    public double driverShare() {
        return share(driverCpuMillis);
    }

    public double othersShare() {
        return share(Math.max(0, machineBusyMillis - serverCpuMillis - databaseCpuMillis - driverCpuMillis));
    }

    private double share(long cpuMillis) {
        return seconds == 0 ? 0 : cpuMillis / (seconds * 1000.0 * CpuClock.cores());
    }

    /** Server CPU ms per flow in each measurement window: how steady the figure is. */
    public synchronized List<Double> windowCpuMillisPerFlow() {
        return List.copyOf(windowCpuMillisPerFlow);
    }

    public Map<String, Latencies> steps() {
        return steps;
    }

    public List<String> errorSamples() {
        return errorSamples;
    }
}
