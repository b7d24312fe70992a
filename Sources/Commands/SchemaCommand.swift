import Model
import Templates

/// `gen-migration schema [--format json|markdown] [--output PATH]`: the
/// procedure file format, as a JSON Schema or as the markdown reference
/// `docs/procedure-format.md`.
enum SchemaCommand: Command {
  static let help = """
    Usage: gen-migration schema [--format json|markdown] [--output PATH]

    Prints the procedure file format, rendered from the model's own
    description of it: as a JSON Schema, draft 2020-12 (the default), that
    editors and validators check a procedure file against, or as the
    markdown reference docs/procedure-format.md. Every field has its type,
    whether it is required (and what leaving it out means) and a
    description; objects are closed, as gen-migration refuses an unknown key.
    Name the schema in a procedure file's "$schema" key:
      gen-migration schema > procedure.schema.json
      { "$schema": "./procedure.schema.json", "formatVersion": 1, ... }
    Regenerate the reference with
      gen-migration schema --format markdown --output docs/procedure-format.md
    PATH is replaced atomically.
    """

  static let formats = ["json", "markdown"]

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(
      arguments, command: "schema", options: ["--format", "--output"])
    if let extra = parsed.positionals.first { throw .unexpectedArgument(extra, command: "schema") }
    let format = parsed.options["--format"] ?? "json"
    guard formats.contains(format) else { throw .invalidFormat(format, allowed: formats) }
    let text =
      format == "markdown"
      ? ProcedureFormatDocument.render(generator: Outputs.generator) : ProcedureSchema.render()
    if let path = parsed.options["--output"] {
      try FileSystem.write(text, to: path, executable: false)
    } else {
      output.write(text)
    }
  }
}
