import Model
import Templates

/// `gen-migration diff A B [--format summary|pr-comment|json|bash|markdown]
/// [--raw] [--fail-on safety|behaviour|any]`, where A and B are catalog
/// references or procedure JSON files. Exit 0 when they are the same, 1
/// when they differ, 3 when `--fail-on` finds a change of at least its
/// class, 2 on error.
enum DiffCommand: Command {
  static let help = """
    Usage: gen-migration diff A B [--format summary|pr-comment|json|bash|markdown]
                                  [--raw] [--fail-on safety|behaviour|any]

    Compares two procedures (catalog references such as databricks@1.0, or
    procedure JSON files) as typed changes, each with a risk class:
      safety     a step becomes destructive, or stops being marked so while
                 its commands still destroy; a confirmation, context guard or
                 check disappears; a secret becomes visible; a timeout
                 shrinks; retries are added to a destructive step; a new tool
                 or access is needed
      behaviour  anything else that changes what runs
      wording    what the operator reads only

    Steps are matched by id, then by the similarity of their titles and
    commands (renamed, or replaced: one by two, two by one).

    Formats:
      summary     (default) the changes grouped by class, safety first (each
                  with why), with their command lines
      pr-comment  the same as markdown, for a pull-request comment
      json        the typed changes: {"from", "to", "counts", "changes":
                  [{"risk", "reason", "text", "change": {CASE: {old, new}}}]}
      bash, markdown
                  a unified diff of the two scripts or runbooks as a reviewer
                  reads it: without the fingerprint header and with the
                  runtime both share left out; --raw: the full byte diff

    --fail-on CLASS: exit 3 when a change of CLASS or more serious exists
    (any: any change at all), so CI can gate a pull request on it.

    Exit statuses: 0 no difference; 1 differences (none of the --fail-on
    class); 2 usage or file error; 3 a change of the --fail-on class.
    """

  static let formats = ["summary", "pr-comment", "json", "bash", "markdown"]
  static let thresholds = ["safety", "behaviour", "any"]
  /// The status when `--fail-on` finds a change of its class.
  static let failOnStatus: Int32 = 3

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(
      arguments, command: "diff", options: ["--format", "--fail-on"], flags: ["--raw"])
    guard parsed.positionals.count == 2 else {
      if parsed.positionals.count > 2 {
        throw .unexpectedArgument(parsed.positionals[2], command: "diff")
      }
      throw .missingArgument("two procedures, A and B", command: "diff")
    }
    let format = parsed.options["--format"] ?? "summary"
    guard formats.contains(format) else { throw .invalidFormat(format, allowed: formats) }
    let failOn = parsed.options["--fail-on"]
    if let failOn, !thresholds.contains(failOn) {
      throw .invalidValue(failOn, option: "--fail-on", allowed: thresholds)
    }
    if parsed.flags.contains("--raw") && format != "bash" && format != "markdown" {
      throw .conflictingOptions(
        "--raw gives the byte diff of the rendered files; it goes with --format bash or markdown, not \(format)",
        command: "diff")
    }
    let old = try ProcedureInput.load(parsed.positionals[0], catalog: catalog, output: &output)
    let new = try ProcedureInput.load(parsed.positionals[1], catalog: catalog, output: &output)
    let diff = ProcedureDiff.between(old, new, rules: .lint)
    output.status = status(diff, failOn: failOn)
    switch format {
    case "bash", "markdown":
      let text = fileDiff(old, new, bash: format == "bash", raw: parsed.flags.contains("--raw"))
      output.write(text)
      // Files can differ where the model does not (another generator).
      if output.status == 0 && !text.isEmpty { output.status = 1 }
    case "json": output.write(DiffJSON.render(diff))
    case "pr-comment": output.write(DiffMarkdown.comment(diff))
    default: output.write(DiffSummary.text(diff))
    }
  }

  /// 0, 1 or 3, from the typed diff whatever the format.
  static func status(_ diff: ProcedureDiff, failOn: String?) -> Int32 {
    guard !diff.isEmpty else { return 0 }
    // `any`: every change counts, so the least serious class is the threshold.
    let threshold = failOn.map { $0 == "any" ? RiskClass.wording : RiskClass(rawValue: $0) }
    if let threshold, let threshold, diff.hasChange(atLeast: threshold) { return failOnStatus }
    return 1
  }

  static func fileDiff(_ old: Procedure, _ new: Procedure, bash: Bool, raw: Bool) -> String {
    let name = bash ? "migrate.sh" : "README.md"
    let texts: (old: String, new: String)
    switch (bash, raw) {
    case (true, true):
      texts = (
        BashScript.render(old, generator: Outputs.generator, regenerate: ToolName.regenerate),
        BashScript.render(new, generator: Outputs.generator, regenerate: ToolName.regenerate)
      )
    case (true, false): texts = ReviewView.scripts(old, new, generator: Outputs.generator)
    case (false, true):
      texts = (
        Runbook.render(old, generator: Outputs.generator, regenerate: ToolName.regenerate),
        Runbook.render(new, generator: Outputs.generator, regenerate: ToolName.regenerate)
      )
    case (false, false): texts = ReviewView.runbooks(old, new, generator: Outputs.generator)
    }
    return LineDiff.unified(
      from: texts.old, to: texts.new, oldName: "\(old.reference)/\(name)",
      newName: "\(new.reference)/\(name)")
  }
}
