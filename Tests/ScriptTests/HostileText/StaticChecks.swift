import Foundation
import TestSupport

/// `bash -n` and shellcheck (the flags `ScriptContractTests` uses) of
/// generated scripts. Shellcheck takes most of a second a script, so the
/// findings are kept by the script's text with its model fingerprint left
/// out: a payload that only reaches the runbook gives the plain script,
/// checked once.
final class StaticChecks: @unchecked Sendable {
  static let shared = StaticChecks()
  private let lock = NSLock()
  private var findings: [String: [String]] = [:]

  /// The problems of each script; `fingerprints[i]` is the model
  /// fingerprint written into `scripts[i]`.
  func problems(of scripts: [String], fingerprints: [String], authorLines: [Set<String>])
    -> [[String]]
  {
    let keys = zip(scripts, fingerprints).map { script, fingerprint in
      script.replacingOccurrences(of: fingerprint, with: "FINGERPRINT")
    }
    let known = lock.withLock { keys.map { findings[$0] } }
    var unchecked: [String] = []
    for (key, found) in zip(keys, known) where found == nil && !unchecked.contains(key) {
      unchecked.append(key)
    }
    let checked = Self.check(
      unchecked,
      authorLines: unchecked.map { key in authorLines[keys.firstIndex(of: key) ?? 0] })
    lock.withLock {
      for (key, problems) in zip(unchecked, checked) { findings[key] = problems }
    }
    return zip(keys, known).map { key, found in
      found ?? checked[unchecked.firstIndex(of: key) ?? 0]
    }
  }

  /// One bash -n per script, one shellcheck for all of them.
  static func check(_ scripts: [String], authorLines: [Set<String>]) -> [[String]] {
    guard !scripts.isEmpty else { return [] }
    guard let folder = try? TemporaryFolder() else { return scripts.map { _ in ["no folder"] } }
    defer { folder.remove() }
    var problems: [[String]] = scripts.map { _ in [] }
    var paths: [String] = []
    for (index, script) in scripts.enumerated() {
      let name = "\(index).sh"
      try? folder.write(script, to: name)
      paths.append(folder.file(name))
      let syntax = try? ProcessRunner.run(ProcessRunner.bash, ["-n", folder.file(name)])
      if syntax?.status != 0 || syntax?.standardError.isEmpty == false {
        problems[index].append(
          "bash -n fails: \(HostileCase.visible(syntax?.standardError ?? "did not run"))")
      }
    }
    guard let shellcheck = ProcessRunner.which("shellcheck") else {
      return problems.map { $0 + ["shellcheck is not installed (apt-get install shellcheck)"] }
    }
    let lint = try? ProcessRunner.run(shellcheck, ["-f", "gcc"] + paths)
    for line in (lint?.standardOutput ?? "").split(separator: "\n") {
      if let index = paths.firstIndex(where: { line.hasPrefix($0 + ":") }) {
        let finding = line.dropFirst(paths[index].count + 1)
        if Self.isAuthorQuoting(finding, script: scripts[index], authorLines: authorLines[index]) {
          continue
        }
        problems[index].append("shellcheck: \(HostileCase.visible(String(finding)))")
      }
    }
    if lint?.status != 0 && lint?.standardOutput.isEmpty == true {
      problems = problems.map {
        $0 + ["shellcheck fails: \(HostileCase.visible(lint?.standardError ?? ""))"]
      }
    }
    return problems
  }

  /// A note that literal text in single quotes does not expand (SC2016) or
  /// that a single-quoted backslash is not an escape (SC1003), on a line of
  /// the procedure's own shell text: how its author quoted, which the
  /// renderer emits verbatim by design.
  static func isAuthorQuoting(_ finding: Substring, script: String, authorLines: Set<String>)
    -> Bool
  {
    guard finding.hasSuffix("[SC2016]") || finding.hasSuffix("[SC1003]"),
      let number = Int(finding.prefix { $0.isNumber }), number >= 1
    else { return false }
    let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
    guard number <= lines.count else { return false }
    // The line itself (after the `exec` a step of one command runs it
    // with), or the line that feeds it a here-document (an SQL client).
    let line = lines[number - 1].trimmingCharacters(in: .whitespaces)
    return authorLines.contains {
      !$0.isEmpty && (line == $0 || line == "exec " + $0 || line.hasPrefix($0 + " <<"))
    }
  }
}
