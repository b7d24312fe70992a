import Model
import Templates

/// The `gen-migration` command line: parses the arguments, runs one command
/// and returns what to print and the exit status. The executable only prints
/// the result, so every command can be tested in process.
public enum GenMigration {
  public struct Result: Equatable, Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
  }

  public static let version = Outputs.generator

  public static let help = """
    gen-migration: compiles typed models of operational procedures into a
    reviewable bash script (migrate.sh) and a markdown runbook (README.md).

    Usage:
      gen-migration list                         one line per procedure version: id, version, title
      gen-migration render ID[@VERSION]|FILE.json [--format bash|markdown|json] [--output PATH] [--since OLD]
                                                 one procedure version (default: the newest) to stdout or PATH;
                                                 --since OLD: its runbook with "Changes since" OLD (reference or file)
      gen-migration generate [--output DIR]      every catalog version into DIR/ID/VERSION/; without --output only
                                                 from the package's root, into its examples/
      gen-migration generate FILE.json... --output DIR
                                                 exactly what the files render, into DIR/ID/VERSION/
      gen-migration lint [ID[@VERSION]|FILE.json...] [--format text|json|sarif]
                                                 lint procedures (default: the whole catalog); exit 1 on an error
      gen-migration diff A B [--format summary|pr-comment|json|bash|markdown] [--raw] [--fail-on safety|behaviour|any]
                                                 what changed between two procedures (catalog references or files),
                                                 each change classed safety, behaviour or wording
      gen-migration trace ID[@VERSION]|FILE.json SOURCE [--format text|json]
                                                 every command line of SOURCE with the step, correction or omission
                                                 that accounts for it; exit 1 when one is unaccounted for
      gen-migration check [DIR [FILE.json...]]   exit 0 when DIR holds exactly what generate writes for the catalog
                                                 (or the files); else the differences and the commands that fix them;
                                                 without DIR only from the package's root, for its examples/
      gen-migration init ID [--output FILE]      a starting procedure file that lints clean, each action kind once
      gen-migration schema [--format json|markdown] [--output PATH]
                                                 the procedure file format: a JSON Schema (draft 2020-12) for
                                                 editors and validators, or the reference docs/procedure-format.md
      gen-migration import RUNBOOK [--output FILE]
                                                 a draft procedure file from a markdown or reStructuredText runbook
      gen-migration drift RUNBOOK SCRIPT [--format text|json]
                                                 the commands of RUNBOOK's code blocks and of SCRIPT, aligned:
                                                 what only one has and what differs; exit 1 when they drift
      gen-migration report RECORD [--procedure ID[@VERSION]|FILE.json]
                                                 the runs of a migrate.sh run record as tables, compared step by step
                                                 with the procedure; exit 1 when a step failed or is missing
      gen-migration --help | --version | COMMAND --help

    Exit statuses: 0 success, 1 a check, lint, diff, trace, drift or report found differences or errors, 2 usage or file error,
    3 diff --fail-on found a change of at least its class.
    """

  /// Runs one command over `catalog` (the gen-migration executable passes
  /// `Catalog.procedures`; a package built on GenMigrationKit its own).
  /// `workingDirectory` (default: the process's own) is where `generate`
  /// and `check` look for the package's `examples/` when no folder is given.
  /// `toolName` names the tool in help, hints and errors, and is the name
  /// the package's Package.swift must declare for that `examples/`.
  public static func run(
    _ arguments: [String], catalog: [Procedure], workingDirectory: String? = nil,
    toolName: String = "gen-migration"
  ) -> Result {
    ToolName.$current.withValue(toolName) { run(arguments, catalog, in: workingDirectory) }
  }

  private static func run(
    _ arguments: [String], _ catalog: [Procedure], in workingDirectory: String?
  )
    -> Result
  {
    PackageFolder.$workingDirectory.withValue(workingDirectory) {
      var output = Output()
      do throws(CommandError) {
        try CatalogCheck.requireUnique(catalog)
        try dispatch(arguments, catalog: catalog, output: &output)
      } catch {
        output.error(error.message)
        output.status = error.status
      }
      return Result(
        status: output.status, standardOutput: output.standard, standardError: output.errors)
    }
  }

  private static func dispatch(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    guard let command = arguments.first else {
      output.error(ToolName.applied(to: help))
      output.status = 2
      return
    }
    let rest = Array(arguments.dropFirst())
    let commands: [String: Command.Type] = [
      "list": ListCommand.self, "render": RenderCommand.self, "generate": GenerateCommand.self,
      "check": CheckCommand.self, "lint": LintCommand.self, "diff": DiffCommand.self,
      "trace": TraceCommand.self, "init": InitCommand.self, "schema": SchemaCommand.self,
      "import": ImportCommand.self, "drift": DriftCommand.self, "report": ReportCommand.self,
    ]
    switch command {
    case "-h", "--help", "help":
      output.print(ToolName.applied(to: help))
    case "--version":
      output.print(version)
    default:
      guard let type = commands[command] else {
        throw .unknownCommand(
          command, suggestion: Suggestion.closest(to: command, in: commands.keys.sorted()))
      }
      if rest.contains("--help") || rest.contains("-h") {
        output.print(ToolName.applied(to: type.help))
        return
      }
      try type.run(rest, catalog: catalog, output: &output)
    }
  }
}

/// What a command prints, and its exit status.
struct Output {
  var standard = ""
  var errors = ""
  var status: Int32 = 0

  mutating func print(_ text: String) { standard += text.hasSuffix("\n") ? text : text + "\n" }
  mutating func write(_ text: String) { standard += text }
  mutating func error(_ text: String) {
    errors += ToolName.current + ": " + (text.hasSuffix("\n") ? text : text + "\n")
  }
}

protocol Command {
  static var help: String { get }
  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
}
