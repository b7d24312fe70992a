import Model
import Templates

/// `gen-migration import RUNBOOK [--output FILE]`: a draft procedure from a
/// markdown or reStructuredText runbook.
enum ImportCommand: Command {
  static let help = """
    Usage: gen-migration import RUNBOOK [--output FILE]

    Writes a draft procedure (JSON) made from the runbook RUNBOOK (markdown,
    or reStructuredText) to standard output or to FILE. Headings become
    phases and sections; each code block becomes a step whose explanation is
    the prose before it: bash, shell and console blocks shell commands (with
    `$ ` prompts stripped and the output after them left out), sql blocks
    SQL, a here-document of YAML or JSON into a file a file write, and any
    other code a manual step quoting it. Admonitions (`!!! warning`,
    `> **Note:**`, `.. danger::`) become admonitions; `NAME=value` lines and
    variables nothing assigns become parameters. Every step carries its
    source lines, so `gen-migration trace FILE RUNBOOK` accounts for every
    command line. Then `gen-migration lint FILE` says what to fix. What the
    draft assumes or renames is printed on standard error. An existing FILE
    is never overwritten. Exit 0 when the draft validates, 1 when it is
    written but does not (the errors are printed), 2 on a usage or file
    error.
    """

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "import", options: ["--output"])
    guard let path = parsed.positionals.first else {
      throw .missingArgument("the runbook to import, such as RUNBOOK.md", command: "import")
    }
    if parsed.positionals.count > 1 {
      throw .unexpectedArgument(parsed.positionals[1], command: "import")
    }
    let destination = parsed.options["--output"]
    if let destination, FileSystem.exists(destination) {
      throw .cannotWrite(
        path: destination, reason: "it exists; choose another path or remove it first")
    }
    let text = String(decoding: try FileSystem.read(path), as: UTF8.self)
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let draft = RunbookImport.draft(from: text, name: name)
    let json = JSONForm.render(draft.procedure)
    for note in draft.notes { output.error("note: \(note)") }
    // A draft that does not validate is still written, so that nothing is
    // lost, but the run fails and says what to fix.
    let problems = draft.procedure.validate().filter { $0.severity == .error }
    for problem in problems { output.error("the draft does not validate: \(problem.description)") }
    if !problems.isEmpty { output.status = 1 }
    if let destination {
      try FileSystem.write(json, to: destination, executable: false)
      let procedure = draft.procedure
      output.print(
        "wrote \(destination): \(count(procedure.phases.count, "phase")), \(count(procedure.orderedSteps.count, "step")), \(count(procedure.parameters.count, "parameter")); check it with `gen-migration trace \(destination) \(path)` and `gen-migration lint \(destination)`"
      )
    } else {
      output.write(json)
    }
  }

  /// `1 phase`, `3 phases`.
  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }
}
