import Foundation
import Model
import Templates

/// `gen-migration trace ID[@VERSION]|FILE.json SOURCE [--format text|json]`:
/// every command line of the source document with the step that carries
/// it, the correction that changes it or the omission that leaves it out.
enum TraceCommand: Command {
  static let help = """
    Usage: gen-migration trace ID[@VERSION]|FILE.json SOURCE [--format text|json]

    Lists every command line of the source document SOURCE (markdown:
    fenced and indented code blocks, a code span alone on a line;
    reStructuredText: code-block directives and :: literal blocks), with
    `$ ` prompts stripped, backslash continuations joined, blank lines,
    comments and the output shown after prompts skipped, and for each the
    step that carries it (the step's sources), the correction that changes
    it (its changes) or the omission that leaves it out, with its reason.
    Exit 1 when a line is unaccounted for or a reference matches no line,
    0 otherwise, 2 on a usage or file error.
    """

  static let formats = ["text", "json"]

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "trace", options: ["--format"])
    guard parsed.positionals.count == 2 else {
      if parsed.positionals.count > 2 {
        throw .unexpectedArgument(parsed.positionals[2], command: "trace")
      }
      throw .missingArgument("a procedure and its source document", command: "trace")
    }
    let format = parsed.options["--format"] ?? "text"
    guard formats.contains(format) else { throw .invalidFormat(format, allowed: formats) }
    let procedure = try ProcedureInput.load(
      parsed.positionals[0], catalog: catalog, output: &output)
    let source = String(decoding: try FileSystem.read(parsed.positionals[1]), as: UTF8.self)
    let trace = SourceTrace.trace(procedure, lines: SourceCommandLines.extract(from: source))
    if format == "json" {
      let report = Report(
        procedure: trace.procedure, counts: trace.counts, entries: trace.entries,
        staleReferences: trace.staleReferences)
      let data = (try? Procedure.canonicalEncoder.encode(report)) ?? Data()
      output.print(String(decoding: data, as: UTF8.self))
    } else {
      output.write(trace.text)
    }
    if !trace.isComplete { output.status = 1 }
  }

  /// The JSON form: the counts, then every line and every stale reference.
  struct Report: Encodable {
    var procedure: String
    var counts: SourceTrace.Counts
    var entries: [SourceTrace.Entry]
    var staleReferences: [SourceTrace.StaleReference]
  }
}
