package io.github.t3chat4j.adapter.openai;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection that has not delivered a whole request head within the head timeout, counted from
 * its opening or from the end of its previous exchange: an idle connection, or one dribbling its head a
 * byte at a time, cannot hold one of the gateway's connections for longer than that. Jetty's idle
 * timeout cannot do this (every byte restarts it), so this listener arms a timer per connection and the
 * handler disarms it when a request head has arrived. Added to the connector as a bean (it then hears of
 * every connection) and put in front of the gateway's handlers. Thread-safe.
 */
final class RequestHeadDeadline extends Handler.Wrapper implements Connection.Listener {

    private final Duration timeout;
    private final Scheduler scheduler;
    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();

    RequestHeadDeadline(Duration timeout, Scheduler scheduler, Handler handler) {
        super(handler);
        this.timeout = timeout;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        Watch watch = new Watch(connection);
        watches.put(connection, watch);
        watch.awaitHead();
    }

    @Override
    public void onClosed(Connection connection) {
        Watch watch = watches.remove(connection);
        if (watch != null) {
            watch.stop();
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Watch watch = watches.get(request.getConnectionMetaData().getConnection());
        if (watch != null) {
            watch.headArrived(request);
            Request.addCompletionListener(request, failure -> watch.exchangeEnded(request));
        }
        return super.handle(request, response, callback);
    }

    /** The deadline of one connection: armed while it owes a request head, disarmed while it is served. */
    private final class Watch {
        private final Connection connection;
        private Scheduler.Task task;
        private long armed;
        private Request serving;

        Watch(Connection connection) {
            this.connection = connection;
        }

        synchronized void awaitHead() {
            if (task != null) {
                task.cancel();
            }
            long generation = ++armed;
            task = scheduler.schedule(() -> expire(generation), timeout);
        }

        synchronized void headArrived(Request request) {
            serving = request;
            if (task != null) {
                task.cancel();
                task = null;
            }
        }

        synchronized void exchangeEnded(Request request) {
            // Only the exchange being served re-arms: a completion heard late must not cut the next one.
            if (serving == request) {
                serving = null;
                if (connection.getEndPoint().isOpen()) {
                    awaitHead();
                }
            }
        }

        synchronized void stop() {
            if (task != null) {
                task.cancel();
                task = null;
            }
        }

        private void expire(long generation) {
            synchronized (this) {
                // A timer cancelled too late to stop it, or one that has been replaced, does nothing.
                if (task == null || generation != armed || serving != null) {
                    return;
                }
                task = null;
            }
            connection.getEndPoint().close();
        }
    }
}
