/// What the operator needs before starting. The tools the commands run are
/// derived from the model (see `Procedure.derivedTools`); `tools` is what the
/// procedure declares, kept so the two can be compared.
public struct Requirements: Codable, Equatable, Sendable {
  public var tools: [String]
  /// Accesses and prior conditions, e.g. "the workspace's kubeconfig".
  public var accesses: [String]

  public init(tools: [String] = [], accesses: [String] = []) {
    self.tools = tools
    self.accesses = accesses
  }
}
