package io.refshadow.agent.report;

/** A recording that cannot be used, with a one-line message for the user (exit status 2). */
final class RecordingReadException extends Exception {
  private static final long serialVersionUID = 1L;

  RecordingReadException(String message) {
    super(message);
  }
}
