import Lint
import Templates

extension RiskRules {
  /// A step no longer marked destructive is a safety change when lint's
  /// table of destructive commands still finds destruction in it
  /// (`StepDestruction`), a behaviour change otherwise.
  public static let lint = RiskRules(stillDestroys: StepDestruction.destroys)
}
