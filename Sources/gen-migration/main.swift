import Catalog
import GenMigrationKit

// The built-in catalog's command line: the same entry a package built on
// GenMigrationKit calls with its own procedures.
GenMigrationKit.main(procedures: Catalog.procedures)
