#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The executable's only way to print: a command's result written to
/// standard output and standard error with `write(2)`, so a full disk, a
/// closed pipe or any other write error is a message and exit status 2,
/// never a crash. For example `gen-migration render cml > /dev/full` prints
/// `gen-migration: cannot write to standard output: No space left on
/// device; the output is incomplete`.
public enum StandardStreams {
  /// Makes a closed pipe (`gen-migration list | head -1`) and a file size
  /// limit (`ulimit -f`) errors that `write(2)` reports, rather than
  /// signals that kill the process.
  public static func ignoreWriteSignals() {
    _ = signal(SIGPIPE, SIG_IGN)
    _ = signal(SIGXFSZ, SIG_IGN)
  }

  /// Writes `result`'s output and errors; returns the status to exit with:
  /// the result's, or 2 when something could not be written (said on
  /// standard error after `toolName: `).
  public static func emit(_ result: GenMigration.Result, toolName: String = "gen-migration")
    -> Int32
  {
    if let error = Descriptor.writeAll(result.standardOutput, to: STDOUT_FILENO) {
      let failure = CommandError.cannotWriteStream("standard output", reason: error)
      _ = Descriptor.writeAll(result.standardError, to: STDERR_FILENO)
      _ = Descriptor.writeAll("\(toolName): \(failure.message)\n", to: STDERR_FILENO)
      return failure.status
    }
    if Descriptor.writeAll(result.standardError, to: STDERR_FILENO) != nil {
      return CommandError.cannotWriteStream("standard error", reason: "").status
    }
    return result.status
  }
}

/// Writing to an open file descriptor.
enum Descriptor {
  /// Writes all of `text`, carrying on after a partial write or an
  /// interrupted one (`EINTR`); returns the reason it could not, as
  /// `strerror` words it, or nil when everything was written.
  static func writeAll(_ text: String, to descriptor: Int32) -> String? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBytes { buffer -> String? in
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return reason(errno)
        }
        offset += written
      }
      return nil
    }
  }

  /// "No space left on device" for `ENOSPC`.
  static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
