import Foundation
import Lint

/// Checks shell snippets with `bash -n`, which parses and never runs. All
/// snippets go to one bash, each in a function body of its own; only when
/// that finds an error is each snippet checked alone, to say which.
public struct BashSyntaxChecker: ShellSyntaxChecker {
  public init() {}

  public func check(_ snippets: [String]) -> [String?] {
    guard !snippets.isEmpty else { return [] }
    let batch = snippets.enumerated().map {
      "__gen_migration_lint_\($0.offset)() {\n\($0.element)\n}\n"
    }
    .joined()
    if parse(batch) == nil { return Array(repeating: nil, count: snippets.count) }
    return snippets.map(parse)
  }

  /// nil when bash parses `script`, else its first message without the file name.
  func parse(_ script: String) -> String? {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory())
      .appendingPathComponent("gen-migration-lint-\(UUID().uuidString)")
    let file = folder.appendingPathComponent("snippet.sh")
    let errors = folder.appendingPathComponent("errors")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(script.utf8).write(to: file)
      _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = ["-n", file.path]
      process.standardError = try FileHandle(forWritingTo: errors)
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      if process.terminationStatus == 0 { return nil }
      let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
      let first = text.split(separator: "\n").first.map(String.init) ?? "bash -n failed"
      return first.replacingOccurrences(of: file.path + ": ", with: "")
    } catch {
      return "could not run bash -n: \(error)"
    }
  }
}
