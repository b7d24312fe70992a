/// The name the command line runs under, in its usage lines, hints and error
/// prefix: `gen-migration`, or the executable of a package built on
/// GenMigrationKit, so that its `--help` reads `rotate-password list` and
/// its errors `rotate-password: unknown command 'lsit'; ...`.
enum ToolName {
  /// Set for one run by `GenMigration.run(_:catalog:workingDirectory:toolName:)`.
  @TaskLocal static var current = "gen-migration"

  /// A help text, written for `gen-migration`, for the current tool: every
  /// `gen-migration` in it names the tool being run.
  static func applied(to help: String) -> String {
    current == "gen-migration"
      ? help : help.replacingOccurrences(of: "gen-migration", with: current)
  }
}
