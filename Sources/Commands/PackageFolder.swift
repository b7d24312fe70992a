import Foundation
import Templates

/// The tool's own package's `examples/`, the one place `generate` and
/// `check` use without a folder argument: only when the command runs from
/// the package's root (a folder that has an `examples/` folder and whose
/// Package.swift declares the tool as the package, an executable product
/// or an executable target: `Package(name: "gen-migration", ...)`, or
/// `.executable(name: "rotate-password", ...)` in a package built on
/// GenMigrationKit), so that `generate` run anywhere else never creates an
/// `examples/` there, and one tool never writes its catalog into another
/// tool's examples (`.package(name: "gen-migration", path: "..")` in a
/// dependent package does not declare gen-migration).
enum PackageFolder {
  /// The folder commands run in; nil for the process's own. Tests set it
  /// with `GenMigration.run(_:catalog:workingDirectory:)`.
  @TaskLocal static var workingDirectory: String?

  /// `examples` (or `DIR/examples` for a working directory DIR) when the
  /// working directory is the package's root; nil anywhere else.
  static func examples() -> String? {
    let root = workingDirectory ?? "."
    let examples = (root as NSString).appendingPathComponent("examples")
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: examples, isDirectory: &isDirectory),
      isDirectory.boolValue, isToolsRoot()
    else { return nil }
    return workingDirectory == nil ? "examples" : examples
  }

  /// Whether the working directory holds the Package.swift that declares
  /// the tool, with or without an `examples/` folder.
  static func isToolsRoot() -> Bool {
    let manifest = ((workingDirectory ?? ".") as NSString).appendingPathComponent("Package.swift")
    guard let data = FileManager.default.contents(atPath: manifest) else { return false }
    return declaresTool(String(decoding: data, as: UTF8.self))
  }

  /// Why `generate` or `check` without a folder has none here, for their
  /// "needs ... here" error: in the tool's package before its first
  /// `generate` the `examples/` folder is missing; anywhere else this is
  /// not the tool's package.
  static func noExamplesReason(_ doing: String) -> String {
    isToolsRoot()
      ? "this package declares \(ToolName.current) but has no examples/ folder yet: create it with 'mkdir examples' and run this again"
      : "without it, it \(doing) the examples/ of the package that declares \(ToolName.current) and runs only from that package's root"
  }

  /// Whether `manifest` (a Package.swift) names the current tool as its
  /// package, an executable product or an executable target.
  static func declaresTool(_ manifest: String) -> Bool {
    let name = NSRegularExpression.escapedPattern(for: ToolName.current)
    let pattern = #"(\bPackage|\.executable|\.executableTarget)\(\s*name:\s*""# + name + "\""
    return manifest.range(of: pattern, options: .regularExpression) != nil
  }

  /// `text` as one shell word, quoted only when it needs to be, for the
  /// commands a message tells the user to run.
  static func word(_ text: String) -> String {
    let plain =
      !text.isEmpty
      && text.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
          && (CharacterSet.alphanumerics.contains(scalar)
            || "_@%+=:,./-".unicodeScalars.contains(scalar))
      }
    return plain ? text : ShellQuoting.quoted(text)
  }
}
