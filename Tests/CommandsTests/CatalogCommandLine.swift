import Catalog
import Commands

extension GenMigration {
  /// `gen-migration ARGUMENTS` as the executable runs it, over the built-in
  /// catalog: Commands takes the catalog as a parameter and does not depend
  /// on Catalog, so the tests that mean the real tool say it here once.
  static func run(_ arguments: [String], workingDirectory: String? = nil) -> Result {
    run(arguments, catalog: Catalog.procedures, workingDirectory: workingDirectory)
  }
}
