package org.rapaio.jupyter.kernel.channels;

/**
 * Replaces the kernel's own class of this name (rapaio-jupyter-kernel 3.0.1): notebooks/run compiles it into a
 * folder that comes before the kernel's jar on the kernel's classpath. Same constructor and methods; two
 * start-up races of the original are closed, both of which left the kernel deaf to Jupyter ("Kernel didn't
 * respond in 120 seconds"), more often the slower the machine:
 * <ul>
 *   <li>the original set its running flag only after {@code Thread.start}: a thread scheduled at once saw it
 *       false and ended before its first pass, silently (shell, control or heartbeat channel gone);</li>
 *   <li>the shell channel's thread starts reading when its socket is bound, before the kernel's table of
 *       message handlers exists: a request Jupyter queued while the JVM started met a null table and the
 *       NullPointerException ended the thread. Here an exception ends one pass, not the loop: the request
 *       is lost and Jupyter repeats it (it asks for the kernel's info every second until answered).</li>
 * </ul>
 */
public final class LoopThread extends Thread {

    private volatile boolean running;
    private final long sleepMillis;
    private final Runnable loopBody;

    public LoopThread(String name, long sleepMillis, Runnable loopBody) {
        super(name);
        this.sleepMillis = sleepMillis;
        this.loopBody = loopBody;
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println(getName() + ": one pass failed, the loop goes on: " + e);
                }
            }
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    public void shutdown() {
        running = false;
    }
}
