package io.openlearn.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what is logged at ERROR (SEVERE) or above while it is open, to prove hostile input stays quiet. */
public final class ErrorLogWatch implements AutoCloseable {

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record.getLoggerName() + ": " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public ErrorLogWatch() {
        root.addHandler(handler);
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
