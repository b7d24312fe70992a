import Foundation
import TestSupport

/// The generated script run four ways against stubs in one harness, by one
/// driver (one bash per case instead of four): `--help`, `--list`,
/// `--dry-run --yes ARGS` and `--yes ARGS`. Each run's status, output,
/// calls and canary are kept apart.
struct HostileRun: Sendable {
  enum Mode: String, CaseIterable, Sendable {
    case help, list
    case dryRun = "dry-run"
    case real
  }

  struct Outcome: Equatable, Sendable {
    var status: Int32
    var standardError: String
    var canary: Bool
    /// The first word of every recorded call: the programs that ran.
    var programs: [String]
    /// The exact arguments of every stub call, sorted (concurrent steps
    /// call in any order).
    var arguments: [[String]]
    /// What `kubectl exec -i` read on standard input (the SQL).
    var standardInput: [String]
  }

  var outcomes: [Mode: Outcome] = [:]
  /// The file the write step wrote, if it did.
  var writtenFile: String?

  /// Runs in `tool`'s, `kubectl`'s and `pwned`'s presence; `pwned` is what
  /// every payload tries to run: it records its call and leaves the canary.
  init(script: String, arguments: [String], writtenFile path: String) throws {
    let harness = try ScriptHarness(script: Self.driver, stubs: ["tool", "kubectl"])
    try harness.folder.write(script, to: "procedure.sh", executable: true)
    // The stub numbers its calls with a counter that concurrent steps can
    // race on; name each call's arguments by its process as well.
    let stub = try String(contentsOfFile: harness.folder.file("stub.bash"), encoding: .utf8)
    try harness.folder.write(
      stub.replacingOccurrences(of: #"args/${count}""#, with: #"args/${count}.$$""#),
      to: "stub.bash", executable: true)
    try harness.folder.write(Self.pwned, to: "bin/pwned", executable: true)
    for rule in HostileBaseProcedure.rules {
      try harness.rule(rule.tool, rule.glob, output: rule.output)
    }
    let result = try harness.run(arguments)
    if result.status != 0 {
      throw HostileRunError(message: "the driver failed: \(result.standardError)")
    }
    let folder = harness.folder
    for mode in Mode.allCases {
      let run = "runs/\(mode.rawValue)"
      let calls = (folder.read("\(run)/calls.log") ?? "").split(separator: "\n").map(String.init)
      let status = Int32(
        (folder.read("\(run)/status") ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
      outcomes[mode] = Outcome(
        status: status ?? -1, standardError: folder.read("\(run)/stderr") ?? "",
        canary: FileManager.default.fileExists(atPath: folder.file("\(run)/canary")),
        programs: calls.filter { !$0.hasPrefix("  | ") }.map {
          String($0.prefix { $0 != " " })
        },
        arguments: Self.arguments(in: folder.file("\(run)/args")),
        standardInput: calls.filter { $0.hasPrefix("  | ") }.map { String($0.dropFirst(4)) })
    }
    writtenFile = FileManager.default.contents(atPath: folder.file(path)).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  /// The run of `script`, or the earlier run of the same script (its model
  /// fingerprint left out) with the same arguments: runs are deterministic,
  /// and a payload that only reaches the runbook gives the plain script.
  static func cached(
    script: String, fingerprint: String, arguments: [String], writtenFile path: String
  ) throws -> HostileRun {
    let key =
      [script.replacingOccurrences(of: fingerprint, with: "FINGERPRINT"), path]
      + arguments
    if let run = RunCache.shared.run(for: key) { return run }
    let run = try HostileRun(script: script, arguments: arguments, writtenFile: path)
    RunCache.shared.store(run, for: key)
    return run
  }

  static func arguments(in folder: String) -> [[String]] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.compactMap { name -> [String]? in
      guard let data = FileManager.default.contents(atPath: "\(folder)/\(name)") else {
        return nil
      }
      var parts = data.split(separator: 0, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
      }
      if parts.last == "" { parts.removeLast() }
      return parts
    }.sorted { $0.joined(separator: "\u{0}") < $1.joined(separator: "\u{0}") }
  }

  static let pwned = """
    #!/usr/bin/env bash
    # What every payload tries to run: records the call, leaves the canary.
    printf 'pwned %s\\n' "$*" >>"${STUB_DIR:-.}/calls.log"
    : >"${STUB_DIR:-.}/canary"

    """

  static let driver = """
    #!/usr/bin/env bash
    # Runs procedure.sh four ways; each leaves runs/MODE/{status,stdout,stderr,
    # calls.log,args/,canary}. A run gets five minutes at most (a loaded
    # machine runs the whole suite at once; a run takes a second alone).
    set -u
    cd "${STUB_DIR:?}" || exit 99
    limit=()
    for candidate in /usr/bin/timeout /bin/timeout; do
      [[ -x ${candidate} ]] && limit=("${candidate}" 300) && break
    done
    run() {
      local mode=$1
      shift
      mkdir -p "runs/${mode}"
      "${limit[@]}" bash ./procedure.sh "$@" >"runs/${mode}/stdout" 2>"runs/${mode}/stderr" </dev/null
      printf '%s\\n' "$?" >"runs/${mode}/status"
      if [[ -e canary ]]; then mv canary "runs/${mode}/canary"; fi
      if [[ -e calls.log ]]; then mv calls.log "runs/${mode}/calls.log"; fi
      mv args "runs/${mode}/args"
      mkdir args
      rm -f count steps.log
    }
    run help --help
    run list --list
    run dry-run "$@" --dry-run --yes
    run real "$@" --yes

    """
}

final class RunCache: @unchecked Sendable {
  static let shared = RunCache()
  private let lock = NSLock()
  private var runs: [[String]: HostileRun] = [:]

  func run(for key: [String]) -> HostileRun? { lock.withLock { runs[key] } }
  func store(_ run: HostileRun, for key: [String]) { lock.withLock { runs[key] = run } }
}

struct HostileRunError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
