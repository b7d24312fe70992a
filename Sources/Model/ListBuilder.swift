/// The result builder behind the DSL: it collects elements and supports
/// `if`, `if/else`, `for` loops and optional values, so a procedure reads like
/// the runbook it becomes.
///
/// ```swift
/// Section("Saving CML Data") {
///   Step("save-site-config", "Save site_config") { ... }
///   if includeQuotas { Step("clear-quotas", "Clear quotas") { ... } }
/// }
/// ```
@resultBuilder
public enum ListBuilder<Element> {
  public static func buildExpression(_ element: Element) -> [Element] { [element] }
  public static func buildExpression(_ element: Element?) -> [Element] {
    element.map { [$0] } ?? []
  }
  public static func buildExpression(_ elements: [Element]) -> [Element] { elements }
  public static func buildBlock(_ parts: [Element]...) -> [Element] { parts.flatMap { $0 } }
  public static func buildOptional(_ part: [Element]?) -> [Element] { part ?? [] }
  public static func buildEither(first part: [Element]) -> [Element] { part }
  public static func buildEither(second part: [Element]) -> [Element] { part }
  public static func buildArray(_ parts: [[Element]]) -> [Element] { parts.flatMap { $0 } }
  public static func buildLimitedAvailability(_ part: [Element]) -> [Element] { part }
}

/// A value that can stand as an action in a step's body.
public protocol ActionConvertible {
  var action: Action { get }
}

extension ShellCommand: ActionConvertible { public var action: Action { .shell(self) } }
extension SQLScript: ActionConvertible { public var action: Action { .sql(self) } }
extension FileWrite: ActionConvertible { public var action: Action { .writeFile(self) } }
extension ManualInstruction: ActionConvertible { public var action: Action { .manual(self) } }
extension WaitCondition: ActionConvertible { public var action: Action { .wait(self) } }
extension OutputCheck: ActionConvertible { public var action: Action { .check(self) } }
extension Choice: ActionConvertible { public var action: Action { .choose(self) } }
extension Action: ActionConvertible { public var action: Action { self } }

extension ListBuilder where Element == Action {
  public static func buildExpression(_ element: some ActionConvertible) -> [Action] {
    [element.action]
  }
}

public typealias StepsBuilder = ListBuilder<Step>
public typealias SectionsBuilder = ListBuilder<Section>
public typealias PhasesBuilder = ListBuilder<Phase>
public typealias ActionsBuilder = ListBuilder<Action>
public typealias ParametersBuilder = ListBuilder<Parameter>
public typealias CorrectionsBuilder = ListBuilder<Correction>

extension Procedure {
  /// The DSL form: parameters, phases and corrections as builder blocks.
  public init(
    id: String,
    title: String,
    version: Version,
    summary: String,
    source: String? = nil,
    requirements: Requirements = Requirements(),
    admonitions: [Admonition] = [],
    limitations: [String] = [],
    stateDirectory: String? = nil,
    omissions: [Omission] = [],
    @ParametersBuilder parameters: () -> [Parameter],
    @PhasesBuilder phases: () -> [Phase],
    @CorrectionsBuilder corrections: () -> [Correction] = { [] }
  ) {
    self.init(
      id: id, title: title, version: version, summary: summary, source: source,
      requirements: requirements, parameters: parameters(), admonitions: admonitions,
      limitations: limitations, phases: phases(), corrections: corrections(),
      omissions: omissions, stateDirectory: stateDirectory)
  }
}
