/// A file a renderer produced: where it goes (relative to an output folder,
/// e.g. `cml/1.0/migrate.sh`) and its exact contents.
public struct RenderedFile: Equatable, Sendable {
  public var path: String
  public var contents: String
  /// Whether the file should be executable (mode 0755).
  public var isExecutable: Bool

  public init(path: String, contents: String, isExecutable: Bool = false) {
    self.path = path
    self.contents = contents
    self.isExecutable = isExecutable
  }
}
