import Model

/// `gen-migration list`: one line per procedure version.
enum ListCommand: Command {
  static let help = """
    Usage: gen-migration list

    Prints one line per procedure version in the catalog: id, version, title.
    """

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "list", options: [])
    if let extra = parsed.positionals.first { throw .unexpectedArgument(extra, command: "list") }
    let idWidth = catalog.map(\.id.count).max() ?? 0
    let versionWidth = catalog.map(\.version.description.count).max() ?? 0
    for procedure in catalog {
      let id = procedure.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
      let version = procedure.version.description.padding(
        toLength: versionWidth, withPad: " ", startingAt: 0)
      output.print("\(id)  \(version)  \(procedure.title)")
    }
  }
}
