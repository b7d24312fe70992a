extension Procedure {
  /// What is wrong with the rules of `parameter`: a rule that names an
  /// undeclared parameter or the parameter itself, a `requiredWhen` on a
  /// parameter that is required anyway or with a value the other parameter
  /// can never have, a file rule on a whole number or yes/no.
  func ruleProblems(of parameter: Parameter) -> [String] {
    var problems: [String] = []
    let name = parameter.name
    for rule in parameter.rules {
      if let other = rule.otherParameter {
        if other == name {
          problems.append("parameter \(name) has a rule that names \(name) itself")
          continue
        }
        guard let related = self.parameter(named: other) else {
          problems.append(
            "parameter \(name) has a rule that names \(other), which is not a declared parameter")
          continue
        }
        if case .requiredWhen(_, let value) = rule,
          let allowed = related.kind == .yesNo ? ["yes", "no"] : related.choices.nonEmpty,
          !allowed.contains(value)
        {
          problems.append(
            "parameter \(name) is required when \(other) is '\(value)', which \(other) can never be (\(allowed.joined(separator: ", ")))"
          )
        }
      }
      switch rule {
      case .requiredWhen where parameter.isRequired:
        problems.append(
          "parameter \(name) is required anyway; drop its required-when rule or its required flag")
      case .existingFile where parameter.kind != .text:
        problems.append("parameter \(name) names a file, so its kind must be text")
      default: break
      }
    }
    return problems
  }
}

extension Array {
  /// The array, or nil when it is empty.
  fileprivate var nonEmpty: Self? { isEmpty ? nil : self }
}
