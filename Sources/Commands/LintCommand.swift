import Foundation
import Lint
import Model

/// `gen-migration lint [ID[@VERSION] | FILE.json ...] [--format text|json|sarif]`.
enum LintCommand: Command {
  static let help = """
    Usage: gen-migration lint [ID[@VERSION] | FILE.json ...] [--format text|json|sarif]

    Lints the named procedures (default: every catalog version): shell syntax
    (bash -n), variables nothing sets, tools run but not declared (and declared
    but not run), SQL psql would reject or misread, destruction in steps not
    marked destructive, and the structure of the model. Each finding has a
    severity, a rule, the procedure, the step and what to do.
    --format json gives each finding with its file (when a file is linted),
    the JSON path of its step and the step id; --format sarif writes SARIF
    2.1.0 for code-scanning tools. Exit 1 when there is an error, 0 otherwise.
    """

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "lint", options: ["--format"])
    let format = parsed.options["--format"] ?? "text"
    guard ["text", "json", "sarif"].contains(format) else {
      throw .invalidFormat(format, allowed: ["text", "json", "sarif"])
    }
    var procedures: [(procedure: Procedure, file: String?)] = []
    for argument in parsed.positionals {
      procedures.append(
        (
          try ProcedureInput.load(argument, catalog: catalog, output: &output),
          ProcedureInput.isFile(argument) ? argument : nil
        ))
    }
    if parsed.positionals.isEmpty { procedures = catalog.map { ($0, nil) } }
    let linter = Linter(syntax: BashSyntaxChecker())
    var report = LintReport()
    var findings: [Diagnostic] = []
    for (procedure, file) in procedures {
      let found = linter.lint(procedure)
      findings += found
      report.add(found, of: procedure, file: file)
    }
    let errors = findings.filter { $0.severity == .error }.count
    if format == "json" {
      output.print(report.json)
    } else if format == "sarif" {
      output.print(report.sarif)
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
