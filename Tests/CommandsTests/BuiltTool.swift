import Foundation
import TestSupport
import Testing

/// The gen-migration executable `swift test` built, for the behaviours only a
/// real process has: its standard output and error, signals, file limits.
enum BuiltTool {
  /// Beside the test bundle, or in the package's `.build/debug`.
  static let path: String = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("gen-migration").path
    if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/debug/gen-migration").path
  }()

  /// Runs `gen-migration ARGUMENTS` under bash, after `shell` (redirections,
  /// `ulimit`): `run(["list"], redirecting: ">/dev/full")`.
  static func run(_ arguments: [String], before shell: String = "", redirecting: String = "")
    throws -> ProcessResult
  {
    try #require(
      FileManager.default.isExecutableFile(atPath: path), "no gen-migration at \(path); swift build"
    )
    return try ProcessRunner.run(
      ProcessRunner.bash,
      ["-c", "\(shell)\nexec \"$0\" \"$@\" \(redirecting)", path] + arguments)
  }
}
