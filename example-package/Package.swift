// swift-tools-version: 6.0
import PackageDescription

// A package of its own procedures, built on gen-migration's GenMigrationKit:
// `swift run rotate-password list | render | generate | check | lint | diff`.
// A package elsewhere depends on the repository instead of the path:
// .package(url: "https://github.com/OWNER/gen-migration.git", branch: "main")
let package = Package(
  name: "rotate-password",
  products: [
    .executable(name: "rotate-password", targets: ["rotate-password"])
  ],
  dependencies: [
    .package(name: "gen-migration", path: "..")
  ],
  targets: [
    // The procedure, written in the DSL.
    .target(
      name: "PasswordRotation",
      dependencies: [.product(name: "GenMigrationKit", package: "gen-migration")]),
    // The command line over it: a main.swift of one call.
    .executableTarget(
      name: "rotate-password",
      dependencies: [
        "PasswordRotation", .product(name: "GenMigrationKit", package: "gen-migration"),
      ]),
    .testTarget(name: "PasswordRotationTests", dependencies: ["PasswordRotation"]),
  ],
  swiftLanguageModes: [.v6]
)
