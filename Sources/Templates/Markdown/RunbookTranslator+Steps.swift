import Model

extension RunbookTranslator {
  /// `## Phase N: title`, where it runs, its preflight checklist, then its
  /// sections (`### N.M title`) and numbered steps (`### Step K. title`),
  /// listed in the contents under the phase and the section.
  func phase(_ phase: Phase, number: Int) -> [MarkdownBlock] {
    var blocks: [MarkdownBlock] = [
      .heading(
        Heading(
          level: 2, words([.text("Phase \(number): ")], .prose(phase.title)), contentsDepth: 0)),
      .paragraph(
        words(
          [.text("Runs on ")], .prose(phase.runsOn),
          [
            .text(". To run this phase with the script: "), .code("./migrate.sh \(phase.id)"),
            .text("."),
          ])),
    ]
    blocks += paragraph(.prose(phase.summary))
    for prerequisite in phase.requires {
      let required = prerequisite.phase
      let shared = prerequisite.sameValues
      var sentence: [Inline] = [
        .text("Run this phase only after the "), .code(required), .text(" phase completed"),
      ]
      if !shared.isEmpty { sentence += [.text(", with the same ")] + codes(shared) }
      sentence += [
        .text(". The script checks it: that phase leaves a record of its completion in "),
        .code(procedure.phaseRecord(required)), .text("."),
      ]
      blocks.append(.paragraph(sentence))
    }
    if !phase.pins.isEmpty {
      var sentence: [Inline] = [.text("Every call of ")]
      for (index, pin) in phase.pins.enumerated() {
        if index > 0 {
          sentence.append(.text(index == phase.pins.count - 1 ? " and of " : ", of "))
        }
        sentence += [.code(pin.tool), .text(" names its context: "), .code(pin.spelling)]
      }
      sentence.append(
        .text(
          ". A check before the phase does not stop another terminal from switching the current context during the run."
        ))
      blocks.append(.paragraph(sentence))
    }
    if !phase.preflight.isEmpty {
      blocks.append(.paragraph([.text("Before you start, check:")]))
      blocks.append(
        .list(
          phase.preflight.map { check in
            ListItem(
              words(
                .prose(check.description), [.text(": "), .code(check.command), .text(" ")],
                check.expectation.runbookPhrase, [.text(". If not: ")], .prose(check.failure)),
              isTask: true)
          }))
    }
    let phaseNumber = number
    var number = stepNumberBefore(phase)
    for (index, section) in phase.sections.enumerated() {
      blocks.append(
        .heading(
          Heading(
            level: 3, words([.text("\(phaseNumber).\(index + 1) ")], .prose(section.title)),
            contentsDepth: 1)))
      blocks += paragraph(.prose(section.explanation))
      blocks += section.admonitions.map(admonition)
      for step in section.steps {
        number += 1
        blocks += self.step(step, number: number)
      }
    }
    return blocks
  }

  func stepNumberBefore(_ phase: Phase) -> Int {
    var count = 0
    for other in procedure.phases {
      if other.id == phase.id { break }
      count += other.steps.count
    }
    return count
  }

  /// `### Step N. title` with the step's stable anchor
  /// (`RunbookAnchor.step`), its marks (id, manual, destructive, optional,
  /// concurrent), warnings, explanation, actions and cleanup.
  func step(_ step: Step, number: Int) -> [MarkdownBlock] {
    var marks: [Inline] = [.text("step id "), .code(step.id)]
    if step.isManual { marks.append(.text(" · manual")) }
    if step.isDestructive { marks += [.text(" · "), .strong([.text("destructive")])] }
    if let flag = step.enabledBy {
      marks += [.text(" · optional: runs when "), .code(flag), .text(" is "), .code("yes")]
    }
    if let group = step.concurrentGroup {
      let others = procedure.orderedSteps.filter {
        $0.step.concurrentGroup == group && $0.step.id != step.id
      }
      marks.append(.text(" · may run at the same time as "))
      marks += codes(others.map(\.step.id))
    }
    var blocks: [MarkdownBlock] = [
      .heading(
        Heading(
          level: 3, words([.text("Step \(number). ")], .prose(step.title)), contentsDepth: 2,
          id: RunbookAnchor.step(step.id))),
      .paragraph(marks),
    ]
    blocks += sourceLine(step.sources)
    if let destroys = step.destroys {
      blocks.append(
        .alert(
          .caution,
          [
            .paragraph(
              words(
                [.text("This step destroys ")], .prose(destroys),
                .prose(". The script asks you to type `yes` before it runs.")))
          ]))
    }
    blocks += paragraph(.prose(step.explanation))
    blocks += step.admonitions.map(admonition)
    blocks += step.actions.flatMap(action)
    if let cleanup = step.cleanup {
      let window: [Inline] =
        cleanup.until.map { [.text("before step "), .code($0), .text(" completes")] }
        ?? [.text("after this step")]
      blocks.append(
        .paragraph(
          words(
            [.text("If the procedure stops ")], window,
            [
              .text(
                ", undo this step with the command below (the script does it on exit; resuming then runs this step again):"
              )
            ])))
      blocks.append(.codeBlock(language: "bash", text: cleanup.command))
    }
    return blocks
  }

  /// ``Source: `kubectl scale statefulset -n ${NAMESPACE} db --replicas=0` ``:
  /// the source document's lines the step implements, one code span a line
  /// (a reference of several lines gives several); nothing without references.
  func sourceLine(_ sources: [SourceReference]) -> [MarkdownBlock] {
    guard !sources.isEmpty else { return [] }
    return [.paragraph([.text("Source: ")] + codes(sources.flatMap(\.normalizedLines)))]
  }

  private func action(_ action: Action) -> [MarkdownBlock] {
    switch action {
    case .shell(let shell):
      return [.codeBlock(language: "bash", text: shell.command)]
    case .sql(let sql):
      return [
        .paragraph(
          [
            .text("Run this SQL through "), .code(sql.client),
            .text(", which reads it on standard input:"),
          ]),
        .codeBlock(language: "sql", text: sql.statements.trimmingTrailingNewlines),
      ]
    case .writeFile(let file):
      return [
        .paragraph(
          words(
            [.text("Write "), .code(file.path)],
            .prose(" with this content (`${NAME}` stands for the value of parameter `NAME`):"))),
        .codeBlock(language: file.language, text: file.content.trimmingTrailingNewlines),
      ]
    case .manual(let manual):
      var items = [ListItem(Inline.prose(manual.instruction), isTask: true)]
      if let verification = manual.verification {
        items.append(
          ListItem(
            words(
              [.text("Check: "), .code(verification.command), .text(" ")],
              verification.expectation.runbookPhrase, [.text(". If not: ")],
              .prose(verification.failure)),
            isTask: true))
      }
      return [.list(items)]
    case .wait(let wait):
      return [
        .paragraph(
          words(
            [.text("Wait for ")], .prose(wait.description),
            [
              .text(
                ": repeat this every \(wait.intervalSeconds) seconds until it succeeds, for at most "
              ),
              .code(wait.timeoutSeconds), .text(" seconds."),
            ])),
        .codeBlock(language: "bash", text: wait.condition),
      ]
    case .check(let check):
      return [
        .paragraph(
          words(
            [.text("Check ")], .prose(check.description), [.text(": this ")],
            check.expectation.runbookPhrase, [.text(". If not: ")], .prose(check.failure))),
        .codeBlock(language: "bash", text: check.command),
      ]
    case .choose(let choice):
      return [
        .paragraph(
          words(
            [.text("Choose ")], .prose(choice.description),
            [
              .text(": this lists the candidates, one a line. Set "), .code(choice.parameter),
              .text(
                " to one of them; if it is already set it must be among them, and if there is only one, that one is used."
              ),
            ])),
        .codeBlock(language: "bash", text: choice.candidates),
      ]
    }
  }
}

extension Expectation {
  /// Completes "`command` ...": "must print nothing".
  var runbookPhrase: [Inline] {
    switch self {
    case .empty: return [.text("must print nothing")]
    case .nonEmpty: return [.text("must print at least one line")]
    case .equals(let text):
      var phrase: [Inline] = [.text("must print exactly ")]
      for (index, line) in text.split(separator: "\n").enumerated() {
        if index > 0 { phrase.append(.text(", ")) }
        phrase.append(.code(String(line)))
      }
      return phrase
    case .equalsParameter(let name):
      return [.text("must print exactly the value of "), .code(name)]
    case .versionAtLeast(let version):
      return [.text("must print version "), .code(version), .text(" or later")]
    }
  }
}
