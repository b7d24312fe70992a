import Model

/// What a catalog handed to the command line must hold before any command
/// runs: each procedure version once. Two `rotate-password@1.0` in
/// `GenMigrationKit.main(procedures:)` would list twice and write the same
/// files twice, the last one winning.
enum CatalogCheck {
  static func requireUnique(_ catalog: [Procedure]) throws(CommandError) {
    var seen: Set<String> = []
    for procedure in catalog where !seen.insert(procedure.reference).inserted {
      throw .duplicateInCatalog(procedure.reference)
    }
  }
}
