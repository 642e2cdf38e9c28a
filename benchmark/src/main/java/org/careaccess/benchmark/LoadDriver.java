package org.careaccess.benchmark;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.careaccess.testkit.Browser;

/**
 * Runs a scenario closed-loop: a fixed number of virtual visitors, each starting its next flow as
 * soon as the last one ends, enough of them to keep the server's cores busy (saturation). After a
 * warm-up, a measurement window counts the flows completed in it, their step times, and the CPU the
 * server, this driver and the whole machine used in it.
 */
public final class LoadDriver {

    private final HttpClient http;
    private final String serverUrl;
    private final long serverPid;
    private final Supplier<DatabaseCounters> database;

    /** {@code database}: reads the server's database's counters, before and after each window. */
    public LoadDriver(HttpClient http, String serverUrl, long serverPid, Supplier<DatabaseCounters> database) {
        this.http = http;
        this.serverUrl = serverUrl;
        this.serverPid = serverPid;
        this.database = database;
    }

    public void run(Scenario scenario, Measurements into, int concurrency, Duration warmUp, Duration window) throws InterruptedException {
        Window measuring = new Window();
        AtomicBoolean stop = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Worker worker = new Worker(scenario, into, measuring, stop);
            worker.setName(scenario.id() + "-" + i);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(warmUp.toMillis());
        DatabaseCounters counters = database.get();
        Map<ThreadKind, Long> threads = CpuClock.threadMillis(serverPid);
        long serverCpu = CpuClock.processMillis(serverPid);
        long driverCpu = CpuClock.processMillis(ProcessHandle.current().pid());
        long machineBusy = CpuClock.machineBusyMillis();
        long databaseCpu = CpuClock.postgresMillis();
        measuring.open();
        Thread.sleep(window.toMillis());
        measuring.close();
        long serverCpuUsed = CpuClock.processMillis(serverPid) - serverCpu;
        long driverCpuUsed = CpuClock.processMillis(ProcessHandle.current().pid()) - driverCpu;
        long machineBusyUsed = CpuClock.machineBusyMillis() - machineBusy;
        long databaseCpuUsed = CpuClock.postgresMillis() - databaseCpu;
        Map<ThreadKind, Long> threadsUsed = CpuClock.threadMillis(serverPid);
        threadsUsed.replaceAll((kind, millis) -> millis - threads.get(kind));
        DatabaseCounters countersChanged = database.get().since(counters);
        stop.set(true);
        long completed = 0;
        long failed = 0;
        for (Worker worker : workers) {
            worker.join(Duration.ofSeconds(90).toMillis());
            completed += worker.completed;
            failed += worker.failed;
            worker.steps.forEach(into::addStep);
        }
        into.addWindow(measuring.seconds(), completed, failed, new Measurements.Cpu(serverCpuUsed, databaseCpuUsed, driverCpuUsed, machineBusyUsed));
        into.addWindow(new Measurements.Window(completed, serverCpuUsed, threadsUsed, countersChanged));
    }

    /** The measurement window, in System.nanoTime(). */
    private static final class Window {
        private volatile long opened = Long.MAX_VALUE;
        private volatile long closed = Long.MAX_VALUE;

        void open() {
            opened = System.nanoTime();
        }

        void close() {
            closed = System.nanoTime();
        }

        boolean contains(long nanos) {
            return nanos >= opened && nanos < closed;
        }

        double seconds() {
            return (closed - opened) / 1e9;
        }
    }

    /** One virtual visitor. */
    private final class Worker extends Thread {

        private final Scenario scenario;
        private final Measurements into;
        private final Window window;
        private final AtomicBoolean stop;
        private final Map<String, Latencies> steps = new LinkedHashMap<>();
        private long completed;
        private long failed;

        Worker(Scenario scenario, Measurements into, Window window, AtomicBoolean stop) {
            this.scenario = scenario;
            this.into = into;
            this.window = window;
            this.stop = stop;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop.get()) {
                List<Map.Entry<String, Long>> times = new ArrayList<>();
                Flow flow = new Flow(new Browser(http, Browser.within(serverUrl)), (step, nanos) -> times.add(Map.entry(step, nanos)));
                try {
                    scenario.run(flow);
                    if (window.contains(System.nanoTime())) {
                        completed++;
                        times.forEach(t -> steps.computeIfAbsent(t.getKey(), s -> new Latencies()).add(t.getValue()));
                    }
                } catch (Exception | AssertionError e) {
                    if (window.contains(System.nanoTime())) {
                        failed++;
                        into.addError(e.toString());
                    }
                }
            }
        }
    }
}
