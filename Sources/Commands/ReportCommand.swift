import Foundation
import Model
import Templates

/// `gen-migration report RECORD [--procedure ID[@VERSION]|FILE.json]`: a
/// run record as tables, one a run, compared step by step with the
/// procedure the record names (or the one given).
enum ReportCommand: Command {
  static let help = """
    Usage: gen-migration report RECORD [--procedure ID[@VERSION]|FILE.json]

    Prints the runs of a run record (the JSON lines a generated migrate.sh
    appends beside its log, e.g. ~/.gen-migration/cml/cml.record.jsonl): for
    each run, who ran it where and when, its parameters (secrets as ***) and
    a table of the steps it reached: status, attempts and seconds. Then it
    compares the record with the procedure: each step with what became of it
    over all the runs (a failed run and the --resume after it are read
    together), the steps no run reached (missing), the steps the procedure
    does not have, and a warning when the record was written by a script of
    another model. The procedure is the catalog's one the record names, or
    the one --procedure gives.
    Exit 1 when a step failed or is missing or unknown, 0 otherwise, 2 on a
    usage or file error.
    """

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "report", options: ["--procedure"])
    guard let file = parsed.positionals.first else {
      throw .missingArgument("a run record", command: "report")
    }
    if parsed.positionals.count > 1 {
      throw .unexpectedArgument(parsed.positionals[1], command: "report")
    }
    let (runs, warnings) = try RunRecordReader.read(FileSystem.read(file), file: file)
    for warning in warnings { output.error("warning: \(warning)") }
    guard let first = runs.first else {
      throw .invalidRecord(path: file, line: nil, reason: "it records no run")
    }
    let procedure: Procedure?
    if let given = parsed.options["--procedure"] {
      procedure = try ProcedureInput.load(given, catalog: catalog, output: &output)
    } else if let found = catalog.first(where: {
      $0.id == first.procedure && $0.version.description == first.version
    }) {
      procedure = found
    } else {
      procedure = nil
      output.error(
        "warning: \(first.procedure) \(first.version) is not in the catalog; give --procedure FILE.json to compare the record with it"
      )
    }
    let report = RunReport.render(runs, procedure: procedure)
    output.write(report.text)
    if !report.isComplete { output.status = 1 }
  }
}
