import Foundation

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

  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    input: String = "", in folder: String? = nil
  ) throws -> ProcessResult {
    let scratch = try TemporaryFolder()
    defer { scratch.remove() }
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
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    process.waitUntilExit()
    try stdin.close()
    try stdout.close()
    try stderr.close()
    return ProcessResult(
      status: process.terminationStatus, standardOutput: scratch.read("stdout") ?? "",
      standardError: scratch.read("stderr") ?? "")
  }
}
