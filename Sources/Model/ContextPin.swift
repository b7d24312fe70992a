/// A tool's context that every call of it in a phase must name, so that no
/// call acts on whatever context is current: a check before the phase does
/// not stop another terminal from switching it during the run.
///
/// `ContextPin("kubectl", option: "--context", parameter: "KUBE_CONTEXT")`
/// requires `kubectl --context "${KUBE_CONTEXT}" ...` in every command of
/// the phase; `ContextPin("pachctl", environment: "PACH_CONTEXT", parameter:
/// "PACH_CONTEXT")` requires `PACH_CONTEXT="${PACH_CONTEXT}" pachctl ...`.
/// Lint refuses a call without it (`unpinned-context`, naming the step),
/// and the runbook states the pin at the phase's start.
public struct ContextPin: Codable, Equatable, Sendable {
  /// How the context is named on the call.
  public enum Form: Equatable, Sendable {
    /// An option and its value: `--context "${KUBE_CONTEXT}"` or
    /// `--context="${KUBE_CONTEXT}"`.
    case option(String)
    /// A variable set on the command: `PACH_CONTEXT="${PACH_CONTEXT}" pachctl`.
    case environment(String)
  }

  /// The program, e.g. `kubectl`.
  public var tool: String
  public var form: Form
  /// The parameter that holds the context, e.g. `KUBE_CONTEXT`.
  public var parameter: String

  public init(_ tool: String, option: String, parameter: String) {
    self.tool = tool
    self.form = .option(option)
    self.parameter = parameter
  }

  public init(_ tool: String, environment: String, parameter: String) {
    self.tool = tool
    self.form = .environment(environment)
    self.parameter = parameter
  }

  /// The words that name the context, as the runbook shows them:
  /// `--context "${KUBE_CONTEXT}"`.
  public var spelling: String {
    switch form {
    case .option(let option): "\(option) \"${\(parameter)}\""
    case .environment(let name): "\(name)=\"${\(parameter)}\""
    }
  }

  /// Whether `invocation`, a call of ``tool``, names the context. A `config`
  /// subcommand (`kubectl config current-context`, `pachctl config update
  /// context ...`) reads or edits the tool's own configuration and talks to
  /// no cluster: it needs no pin.
  public func isPinned(_ invocation: ShellText.Invocation) -> Bool {
    if invocation.arguments.first == "config" { return true }
    let values = ["\"${\(parameter)}\"", "${\(parameter)}", "\"$\(parameter)\""]
    switch form {
    case .option(let option):
      let words = invocation.arguments
      return words.indices.contains { index in
        (words[index] == option && index + 1 < words.count && values.contains(words[index + 1]))
          || values.contains { words[index] == "\(option)=\($0)" }
      }
    case .environment(let name):
      return invocation.assignments.contains { assignment in
        values.contains { assignment == "\(name)=\($0)" }
      }
    }
  }
}

/// The JSON form: `{"tool": "kubectl", "option": "--context", "parameter":
/// "KUBE_CONTEXT"}` or `{"tool": "pachctl", "environment": "PACH_CONTEXT",
/// "parameter": "PACH_CONTEXT"}`, exactly one of `option` and `environment`.
extension ContextPin {
  enum CodingKeys: String, CodingKey { case tool, option, environment, parameter }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    tool = try container.decode(String.self, forKey: .tool)
    parameter = try container.decode(String.self, forKey: .parameter)
    let option = try container.decodeIfPresent(String.self, forKey: .option)
    let environment = try container.decodeIfPresent(String.self, forKey: .environment)
    switch (option, environment) {
    case (let option?, nil): form = .option(option)
    case (nil, let name?): form = .environment(name)
    default:
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription: "a context pin names exactly one of option and environment"))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(tool, forKey: .tool)
    switch form {
    case .option(let option): try container.encode(option, forKey: .option)
    case .environment(let name): try container.encode(name, forKey: .environment)
    }
    try container.encode(parameter, forKey: .parameter)
  }
}
