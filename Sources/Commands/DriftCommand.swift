import Foundation
import Model
import Templates

/// `gen-migration drift RUNBOOK SCRIPT [--format text|json]`: where a
/// hand-written runbook and script disagree.
enum DriftCommand: Command {
  static let help = """
    Usage: gen-migration drift RUNBOOK SCRIPT [--format text|json]

    Compares the commands of RUNBOOK's shell code blocks (as `trace` finds
    them: `$ ` prompts stripped, continuations joined, comments skipped;
    SQL and other languages are not compared) with the commands of the bash
    script SCRIPT (comments, `set -euo pipefail`-style setup and the braces
    of function definitions skipped, continuations joined), in order, with
    whitespace, quoting and `${X}`/`$X` spelling normalised. Reports the
    commands only one of them has, and the commands that differ (the same
    command changed in one copy, or a typo), with the line numbers of both
    files. Exit 0 when they are in sync, 1 when they drift, 2 on a usage or
    file error.
    """

  static let formats = ["text", "json"]

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "drift", options: ["--format"])
    guard parsed.positionals.count == 2 else {
      if parsed.positionals.count > 2 {
        throw .unexpectedArgument(parsed.positionals[2], command: "drift")
      }
      throw .missingArgument("a runbook and a script", command: "drift")
    }
    let format = parsed.options["--format"] ?? "text"
    guard formats.contains(format) else { throw .invalidFormat(format, allowed: formats) }
    let (runbookPath, scriptPath) = (parsed.positionals[0], parsed.positionals[1])
    let runbook = String(decoding: try FileSystem.read(runbookPath), as: UTF8.self)
    let script = String(decoding: try FileSystem.read(scriptPath), as: UTF8.self)
    let drift = CommandDrift.compare(runbook: runbook, script: script)
    if format == "json" {
      let report = Report(runbook: runbookPath, script: scriptPath, drift: drift)
      let data = (try? Procedure.canonicalEncoder.encode(report)) ?? Data()
      output.print(String(decoding: data, as: UTF8.self))
    } else {
      output.write(drift.text(runbook: runbookPath, script: scriptPath))
    }
    if !drift.isInSync { output.status = 1 }
  }

  /// The JSON form: the two files, the counts and every finding.
  struct Report: Encodable {
    var runbook: String
    var script: String
    var drift: CommandDrift
  }
}
