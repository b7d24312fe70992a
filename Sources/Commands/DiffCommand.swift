import Foundation
import Model
import Templates

/// `gen-migration diff A B [--format summary|bash|markdown|json]`, where A and
/// B are catalog references or procedure JSON files. Exit 0 when they are
/// the same, 1 when they differ, 2 on error, like `diff`.
enum DiffCommand: Command {
  static let help = """
    Usage: gen-migration diff A B [--format summary|bash|markdown|json]

    Compares two procedures (catalog references such as databricks@1.0, or
    procedure JSON files). summary (the default): steps added, removed, moved
    or changed (matched by step id) with their command changes, parameters,
    defaults, tools, requirements and phases. bash and markdown: a unified
    diff of the two rendered files. json: the semantic diff as data.
    Exit 0 when they are the same, 1 when they differ, 2 on error.
    """

  static let formats = ["summary", "bash", "markdown", "json"]

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "diff", options: ["--format"])
    guard parsed.positionals.count == 2 else {
      if parsed.positionals.count > 2 {
        throw .unexpectedArgument(parsed.positionals[2], command: "diff")
      }
      throw .missingArgument("two procedures, A and B", command: "diff")
    }
    let format = parsed.options["--format"] ?? "summary"
    guard formats.contains(format) else { throw .invalidFormat(format, allowed: formats) }
    let old = try ProcedureInput.load(parsed.positionals[0], catalog: catalog, output: &output)
    let new = try ProcedureInput.load(parsed.positionals[1], catalog: catalog, output: &output)
    let diff = ProcedureDiff.between(old, new)
    switch format {
    case "bash", "markdown":
      let name = format == "bash" ? "migrate.sh" : "README.md"
      let render = { (procedure: Procedure) in
        format == "bash"
          ? BashScript.render(
            procedure, generator: Outputs.generator, regenerate: ToolName.regenerate)
          : Runbook.render(
            procedure, generator: Outputs.generator, previous: nil,
            regenerate: ToolName.regenerate)
      }
      let text = LineDiff.unified(
        from: render(old), to: render(new), oldName: "\(old.reference)/\(name)",
        newName: "\(new.reference)/\(name)")
      output.write(text)
      output.status = text.isEmpty ? 0 : 1
    case "json":
      let data = (try? Procedure.canonicalEncoder.encode(diff)) ?? Data()
      output.print(String(decoding: data, as: UTF8.self))
      output.status = diff.isEmpty ? 0 : 1
    default:
      output.write(DiffSummary.text(diff))
      output.status = diff.isEmpty ? 0 : 1
    }
  }
}
