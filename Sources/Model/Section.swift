/// A titled group of steps inside a phase, as the runbook's subheadings have
/// them ("Saving CML Data"). A section may hold only notes and no steps.
public struct Section: Codable, Equatable, Sendable {
  public var title: String
  public var explanation: String
  public var admonitions: [Admonition]
  public var steps: [Step]

  public init(
    _ title: String,
    explanation: String = "",
    admonitions: [Admonition] = [],
    @StepsBuilder steps: () -> [Step]
  ) {
    self.title = title
    self.explanation = explanation
    self.admonitions = admonitions
    self.steps = steps()
  }

  public init(
    title: String, explanation: String = "", admonitions: [Admonition] = [], steps: [Step]
  ) {
    self.title = title
    self.explanation = explanation
    self.admonitions = admonitions
    self.steps = steps
  }
}
