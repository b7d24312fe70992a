import Model

/// Where a hand-written runbook and script disagree: the commands of the
/// runbook's shell code blocks (as `gen-migration trace` finds them) and
/// the commands of the script, aligned in order like a diff, compared with
/// whitespace, quoting and the spelling of variables (`"$X"`, `$X`, `${X}`)
/// normalised. A command only one side has is reported as such; a removed
/// and an added command that look alike (the same program and most words
/// the same, or a typo's few characters apart) are one command that
/// differs. Pure: the two texts in, the findings out.
public struct CommandDrift: Codable, Equatable, Sendable {
  /// A command as written, with the line it starts on.
  public struct Command: Codable, Equatable, Sendable {
    public var line: Int
    public var text: String

    public init(line: Int, text: String) {
      self.line = line
      self.text = text
    }
  }

  public enum Kind: String, Codable, Sendable {
    case onlyInRunbook, onlyInScript, differs
  }

  public struct Finding: Codable, Equatable, Sendable {
    public var kind: Kind
    public var runbook: Command?
    public var script: Command?

    public init(kind: Kind, runbook: Command?, script: Command?) {
      self.kind = kind
      self.runbook = runbook
      self.script = script
    }
  }

  public var runbookCommands: Int
  public var scriptCommands: Int
  /// Commands both have, after normalising.
  public var same: Int
  public var findings: [Finding]

  public var isInSync: Bool { findings.isEmpty }

  /// Compares the runbook `runbook` (markdown or reStructuredText) with the
  /// bash script `script`.
  public static func compare(runbook: String, script: String) -> CommandDrift {
    let left = runbookCommands(runbook)
    let right = scriptCommands(script)
    let edits = LineDiff.editScript(
      from: left.map { normalized($0.text) }, to: right.map { normalized($0.text) })
    var findings: [Finding] = []
    var removed: [Command] = []
    var added: [Command] = []
    var same = 0
    func flush() {
      findings += pair(removed, added)
      removed = []
      added = []
    }
    for edit in edits {
      switch edit.mark {
      case "-": removed.append(left[edit.oldLine - 1])
      case "+": added.append(right[edit.newLine - 1])
      default:
        flush()
        same += 1
      }
    }
    flush()
    return CommandDrift(
      runbookCommands: left.count, scriptCommands: right.count, same: same, findings: findings)
  }

  /// Languages whose blocks hold shell commands; an unlabelled block and a
  /// code span alone on a line count too.
  static let shellOrigins: Set<String> = [
    "", "inline", "bash", "sh", "shell", "console", "zsh", "shell-session", "shellsession",
    "terminal", "ksh",
  ]

  /// The runbook's shell command lines, as trace extracts them.
  static func runbookCommands(_ text: String) -> [Command] {
    SourceCommandLines.extract(from: text).filter {
      shellOrigins.contains($0.origin.lowercased())
    }.map { Command(line: $0.line, text: $0.text) }
  }

  /// In a run of removed and added commands between two that both have,
  /// pairs each removed command with the first later added one like it;
  /// the rest are only on one side. Order is kept: a pair never crosses
  /// an earlier pair.
  static func pair(_ removed: [Command], _ added: [Command]) -> [Finding] {
    var findings: [Finding] = []
    var next = 0
    for command in removed {
      if let match = added[next...].firstIndex(where: { alike(command.text, $0.text) }) {
        for only in added[next..<match] {
          findings.append(Finding(kind: .onlyInScript, runbook: nil, script: only))
        }
        findings.append(Finding(kind: .differs, runbook: command, script: added[match]))
        next = match + 1
      } else {
        findings.append(Finding(kind: .onlyInRunbook, runbook: command, script: nil))
      }
    }
    for only in added[next...] {
      findings.append(Finding(kind: .onlyInScript, runbook: nil, script: only))
    }
    return findings
  }
}
