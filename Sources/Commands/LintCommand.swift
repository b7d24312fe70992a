import Foundation
import Lint
import Model

/// `gen-migration lint [ID[@VERSION] | FILE.json ...] [--format text|json]`.
enum LintCommand: Command {
  static let help = """
    Usage: gen-migration lint [ID[@VERSION] | FILE.json ...] [--format text|json]

    Lints the named procedures (default: every catalog version): shell syntax
    (bash -n), variables nothing sets, tools run but not declared (and declared
    but not run), SQL psql would reject or misread, destruction in steps not
    marked destructive, and the structure of the model. Each finding has a
    severity, a rule, the procedure, the step and what to do.
    Exit 1 when there is an error, 0 otherwise.
    """

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "lint", options: ["--format"])
    let format = parsed.options["--format"] ?? "text"
    guard ["text", "json"].contains(format) else {
      throw .invalidFormat(format, allowed: ["text", "json"])
    }
    var procedures: [Procedure] = []
    for argument in parsed.positionals {
      procedures.append(try ProcedureInput.load(argument, catalog: catalog))
    }
    if parsed.positionals.isEmpty { procedures = catalog }
    let linter = Linter(syntax: BashSyntaxChecker())
    let findings = procedures.flatMap(linter.lint)
    let errors = findings.filter { $0.severity == .error }.count
    if format == "json" {
      let data = (try? Procedure.canonicalEncoder.encode(findings)) ?? Data()
      output.print(String(decoding: data, as: UTF8.self))
    } else {
      for finding in findings { output.print(finding.description) }
      let warnings = findings.count - errors
      output.print(
        "\(procedures.count) procedure version\(procedures.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
      )
    }
    if errors > 0 { output.status = 1 }
  }
}
