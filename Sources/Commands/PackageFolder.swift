import Foundation
import Templates

/// The tool's own package's `examples/`, the one place `generate` and
/// `check` use without a folder argument: only when the command runs from
/// the package's root (a folder that has an `examples/` folder and whose
/// Package.swift declares the tool's name: `name: "gen-migration"`, or
/// `name: "rotate-password"` for the executable `rotate-password` of a
/// package built on GenMigrationKit), so that `generate` run anywhere else
/// never creates an `examples/` there, and one tool never writes its
/// catalog into another tool's examples.
enum PackageFolder {
  /// The folder commands run in; nil for the process's own. Tests set it
  /// with `GenMigration.run(_:catalog:workingDirectory:)`.
  @TaskLocal static var workingDirectory: String?

  /// `examples` (or `DIR/examples` for a working directory DIR) when the
  /// working directory is the package's root; nil anywhere else.
  static func examples() -> String? {
    let root = workingDirectory ?? "."
    let manifest = (root as NSString).appendingPathComponent("Package.swift")
    let examples = (root as NSString).appendingPathComponent("examples")
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: examples, isDirectory: &isDirectory),
      isDirectory.boolValue,
      let data = FileManager.default.contents(atPath: manifest),
      String(decoding: data, as: UTF8.self).contains("name: \"\(ToolName.current)\"")
    else { return nil }
    return workingDirectory == nil ? "examples" : examples
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
