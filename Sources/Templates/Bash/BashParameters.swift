import Model

extension BashScript {
  /// Each parameter starts from its environment variable:
  /// `NAMESPACE=${NAMESPACE-}`; flags override it, defaults fill it in.
  mutating func writeParameters() {
    guard !procedure.parameters.isEmpty else { return }
    out.writeLine("# Parameters: from the environment first, then flags, then defaults.")
    for parameter in procedure.parameters {
      out.writeLine("\(parameter.name)=${\(parameter.name)-}")
    }
    out.writeLine()
  }

  /// `parse_arguments`: options, parameter flags (`--namespace mlx` or
  /// `--namespace=mlx`) and phase names.
  mutating func writeArgumentParsing() {
    out.writeLine("# need_value OPTION ARGS...: the option must be followed by a value.")
    out.writeLine("need_value() {")
    out.writeLine("  (($# >= 2)) || usage_error \"option $1 needs a value\"")
    out.writeLine("}")
    out.writeLine()
    out.writeLine("parse_arguments() {")
    out.withIndent { out in
      out.writeLine("while (($# > 0)); do")
      out.withIndent { out in
        out.writeLine("case $1 in")
        out.withIndent { out in
          out.writeLine("-h | --help)")
          out.writeLine("  show_help")
          out.writeLine("  exit 0")
          out.writeLine("  ;;")
          out.writeLine("--list) LIST_ONLY=1 ;;")
          out.writeLine("--dry-run) DRY_RUN=1 ;;")
          out.writeLine("-y | --yes) ASSUME_YES=1 ;;")
          out.writeLine("--resume) RESUME=1 ;;")
          out.writeLine("--force-resume) RESUME=1 FORCE_RESUME=1 ;;")
          out.writeLine("--restart) RESTART=1 ;;")
          for (option, variable) in [
            ("--from", "FROM_STEP"), ("--to", "TO_STEP"), ("--only", "ONLY_STEPS"),
            ("--skip", "SKIP_STEPS"),
            ("--state-file", "STATE_FILE"), ("--log-file", "LOG_FILE"),
          ] {
            let selection =
              variable.hasSuffix("_STEP") || variable.hasSuffix("_STEPS")
              ? " SELECTION_GIVEN=1" : ""
            out.writeLine("\(option))")
            out.writeLine("  need_value \"$@\"")
            out.writeLine("  \(variable)=$2\(selection)")
            out.writeLine("  shift")
            out.writeLine("  ;;")
            out.writeLine("\(option)=*) \(variable)=${1#*=}\(selection) ;;")
          }
          for parameter in procedure.parameters {
            out.writeLine("\(parameter.flag))")
            out.writeLine("  need_value \"$@\"")
            out.writeLine("  \(parameter.name)=$2")
            out.writeLine("  shift")
            out.writeLine("  ;;")
            out.writeLine("\(parameter.flag)=*) \(parameter.name)=${1#*=} ;;")
          }
          out.writeLine("-*) usage_error \"unknown option '$1'\" ;;")
          out.writeLine("*)")
          out.writeLine(
            "  is_phase \"$1\" || usage_error \"unknown phase '$1'; the phases are: ${PHASE_IDS[*]}\""
          )
          out.writeLine("  SELECTED_PHASES+=(\"$1\")")
          out.writeLine("  ;;")
        }
        out.writeLine("esac")
        out.writeLine("shift")
      }
      out.writeLine("done")
    }
    out.writeLine("}")
    out.writeLine()
  }

  /// `apply_defaults` and `check_parameters`: defaults for empty values, then
  /// required, integer and choice checks for the parameters of the selected
  /// phases. A secret's value is never part of a message.
  mutating func writeParameterChecks() {
    out.writeLine("apply_defaults() {")
    out.withIndent { out in
      let defaulted = procedure.parameters.filter { $0.defaultValue != nil || $0.kind == .yesNo }
      if defaulted.isEmpty { out.writeLine(":") }
      for parameter in defaulted {
        let value = ShellQuoting.doubleQuoted(Template(parameter.defaultValue ?? "no"))
        out.writeLine("[[ -n ${\(parameter.name)} ]] || \(parameter.name)=\(value)")
      }
    }
    out.writeLine("}")
    out.writeLine()
    out.writeLine("check_parameters() {")
    out.withIndent { out in
      out.writeLine(":")
      for parameter in procedure.parameters {
        let guardPhase =
          parameter.phases.isEmpty
          ? nil : parameter.phases.map { "phase_selected \($0)" }.joined(separator: " || ")
        var checks: [String] = []
        let shown = parameter.isSecret ? "" : " '${\(parameter.name)}'"
        if parameter.isRequired {
          checks.append(
            "[[ -n ${\(parameter.name)} ]] || usage_error \"missing required parameter \(parameter.name): give \(parameter.flag) VALUE or set \(parameter.name)\""
          )
        }
        if parameter.kind == .integer {
          checks.append(
            "[[ ${\(parameter.name)} =~ ^[0-9]+$ ]] || usage_error \"\(parameter.flag) must be a whole number, not\(shown)\""
          )
        }
        if parameter.kind == .yesNo {
          checks.append(
            "[[ ${\(parameter.name)} == yes || ${\(parameter.name)} == no ]] || usage_error \"\(parameter.flag) must be yes or no, not\(shown)\""
          )
        }
        if !parameter.choices.isEmpty {
          let pattern = parameter.choices.map(ShellQuoting.quoted).joined(separator: " | ")
          checks.append("case ${\(parameter.name)} in")
          checks.append("  \(pattern)) ;;")
          checks.append(
            "  *) usage_error \"\(parameter.flag) must be one of \(parameter.choices.joined(separator: ", ")), not\(shown)\" ;;"
          )
          checks.append("esac")
        }
        guard !checks.isEmpty else { continue }
        if let guardPhase {
          out.writeLine("if \(guardPhase); then")
          out.withIndent { out in
            for check in checks { out.writeLine(check) }
          }
          out.writeLine("fi")
        } else {
          for check in checks { out.writeLine(check) }
        }
      }
    }
    out.writeLine("}")
    out.writeLine()
    out.writeLine("# show_parameters: the values this run uses; secrets show as ***.")
    out.writeLine("show_parameters() {")
    out.withIndent { out in
      out.writeLine(":")
      for parameter in procedure.parameters {
        let value = parameter.isSecret ? "***" : "${\(parameter.name)}"
        let condition =
          parameter.phases.isEmpty
          ? "" : parameter.phases.map { "phase_selected \($0)" }.joined(separator: " || ")
        let line = "say \"  \(parameter.name)=\(value)\""
        out.writeLine(condition.isEmpty ? line : "if \(condition); then \(line); fi")
      }
    }
    out.writeLine("}")
    out.writeLine()
  }

  /// `resolve_run_files`: the state file and the log default to the
  /// procedure's state folder, e.g. `${WORK_DIR}/cml.state`.
  mutating func writeRunFiles() {
    let folder = procedure.stateFolder
    let state = ShellQuoting.doubleQuoted(Template("\(folder)/\(procedure.id).state"))
    let log = ShellQuoting.doubleQuoted(Template("\(folder)/\(procedure.id).log"))
    out.writeLine("resolve_run_files() {")
    out.writeLine("  [[ -n ${STATE_FILE} ]] || STATE_FILE=\(state)")
    out.writeLine("  [[ -n ${LOG_FILE} ]] || LOG_FILE=\(log)")
    out.writeLine("}")
    out.writeLine()
  }

  /// `preflight_tools` and `preflight_checks`: the tools each selected phase
  /// runs must be on PATH, then the phase's declared context checks must
  /// pass; otherwise exit 3.
  mutating func writePreflight() {
    writeRunFiles()
    out.writeLine("preflight_tools() {")
    out.withIndent { out in
      out.writeLine("local -a tools=(\"${RUNTIME_TOOLS[@]}\")")
      for phase in procedure.phases {
        let tools = procedure.tools(in: [phase])
        guard !tools.isEmpty else { continue }
        out.writeLine("if phase_selected \(phase.id); then")
        let words = tools.map { tool in
          tool.hasPrefix("${")
            ? ShellQuoting.doubleQuoted(Template(tool)) : ShellQuoting.quoted(tool)
        }
        out.writeLine("  tools+=(\(words.joined(separator: " ")))")
        out.writeLine("fi")
      }
      out.writeLine("require_tools \"${tools[@]}\"")
    }
    out.writeLine("}")
    out.writeLine()
    out.writeLine("preflight_checks() {")
    out.withIndent { out in
      out.writeLine("say \"  ok: required tools are on PATH\"")
      for phase in procedure.phases {
        for (index, check) in phase.preflight.enumerated() {
          let function = "preflight_\(ShellQuoting.identifier(phase.id))_\(index + 1)"
          out.writeLine("if phase_selected \(phase.id); then")
          out.writeLine("  preflight_check \(ShellQuoting.quoted(check.description)) \(function)")
          out.writeLine("fi")
        }
      }
    }
    out.writeLine("}")
    out.writeLine()
    for phase in procedure.phases {
      for (index, check) in phase.preflight.enumerated() {
        let function = "preflight_\(ShellQuoting.identifier(phase.id))_\(index + 1)"
        writeCheckFunction(function, check)
      }
    }
  }

  /// A function that runs the check's command and tests its output, returning
  /// non-zero (after saying why) when the expectation is not met.
  mutating func writeCheckFunction(_ name: String, _ check: OutputCheck) {
    let test = expectationTest(check)
    out.writeLine("\(name)() {")
    out.withIndent { out in
      out.writeLine("local output")
      out.writeLine("output=$(")
      out.withIndent { out in out.writeLine(check.command) }
      out.writeLine(") || return 1")
      out.writeLine(test)
    }
    out.writeLine("}")
    out.writeLine()
  }

  func expectationTest(_ check: OutputCheck) -> String {
    let failure = ShellQuoting.quoted(check.failure)
    switch check.expectation {
    case .empty: return "expect_empty \"${output}\" \(failure)"
    case .nonEmpty: return "expect_nonempty \"${output}\" \(failure)"
    case .equals(let text):
      return "expect_equal \"${output}\" \(ShellQuoting.quoted(text)) \(failure)"
    case .equalsParameter(let name):
      return "expect_equal \"${output}\" \"${\(name)}\" \(failure)"
    }
  }
}
