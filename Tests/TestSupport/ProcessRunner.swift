import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What a finished process printed, and how it ended.
public struct ProcessResult: Sendable {
  public var status: Int32
  public var standardOutput: String
  public var standardError: String
}

/// Runs programs for the tests, with output captured through files (no pipe
/// buffer can fill up and block).
public enum ProcessRunner {
  /// bash, by absolute path, so tests can run with a PATH that lacks it.
  public static let bash: String = {
    for candidate in ["/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash"]
    where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    return "/bin/bash"
  }()

  /// Finds `name` on the test process's PATH.
  public static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Runs a program to its end. `standardOutput`, when given, replaces the
  /// captured file (for example the write end of a pipe nobody reads).
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    input: String = "", in folder: String? = nil, standardOutput: FileHandle? = nil
  ) throws -> ProcessResult {
    try start(
      executable, arguments, environment: environment, input: input, in: folder,
      standardOutput: standardOutput
    ).wait()
  }

  /// Starts a program and returns at once; `wait()` collects its result.
  public static func start(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    input: String = "", in folder: String? = nil, standardOutput: FileHandle? = nil
  ) throws -> RunningProcess {
    let scratch = try TemporaryFolder()
    try scratch.write(input, to: "stdin")
    _ = FileManager.default.createFile(atPath: scratch.file("stdout"), contents: nil)
    _ = FileManager.default.createFile(atPath: scratch.file("stderr"), contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    let stdin = try FileHandle(forReadingFrom: URL(fileURLWithPath: scratch.file("stdin")))
    let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("stdout")))
    let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("stderr")))
    process.standardInput = stdin
    process.standardOutput = standardOutput ?? stdout
    process.standardError = stderr
    try process.run()
    try stdin.close()
    try stdout.close()
    try stderr.close()
    return RunningProcess(process: process, scratch: scratch)
  }
}

/// A program started by `ProcessRunner.start`.
public final class RunningProcess: @unchecked Sendable {
  let process: Process
  let scratch: TemporaryFolder

  init(process: Process, scratch: TemporaryFolder) {
    self.process = process
    self.scratch = scratch
  }

  public var pid: Int32 { process.processIdentifier }

  /// Sends `signal` to the program's whole process group, as a terminal does.
  public func signalGroup(_ signal: Int32) {
    _ = kill(-pid, signal)
  }

  /// Sends `signal` to the program alone, as `kill PID` does.
  public func signal(_ signal: Int32) {
    _ = kill(pid, signal)
  }

  public func wait() -> ProcessResult {
    process.waitUntilExit()
    defer { scratch.remove() }
    return ProcessResult(
      status: process.terminationStatus, standardOutput: scratch.read("stdout") ?? "",
      standardError: scratch.read("stderr") ?? "")
  }
}
