import Model
import Templates

/// The pairs the issue names: a renamed step, a step replaced by two, a
/// secret made visible, a dropped confirmation, a removed context guard, a
/// shortened timeout, a limitation removed; and their near misses.
extension DiffPair {
  static let all: [DiffPair] = [
    DiffPair(
      name: "a renamed step",
      old: base(),
      new: base("2.0", edit: edit("import-all") { $0.id = "import-principals" }),
      expected: [
        .init(
          .behaviour,
          .stepRenamed(
            old: reference("import-all", "Import users and groups"),
            new: reference("import-principals", "Import users and groups")))
      ],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a step replaced by two",
      old: base(),
      new: base("2.0") { procedure in
        procedure.phases[0].sections[0].steps.replaceSubrange(
          1...1,
          with: [
            step(
              "import-users", "Import users",
              ["python import_db.py --context \"${KUBE_CONTEXT}\" --users"]),
            step(
              "import-groups", "Import groups",
              ["python import_db.py --context \"${KUBE_CONTEXT}\" --groups"]),
          ])
      },
      expected: [
        .init(
          .behaviour,
          .stepReplaced(
            old: [reference("import-all", "Import users and groups")],
            new: [
              reference("import-users", "Import users"),
              reference("import-groups", "Import groups"),
            ]
          ))
      ],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a secret made visible",
      old: base(),
      new: base("2.0") { $0.parameters[1].isSecret = false },
      expected: [
        .init(
          .safety, .parameterSecret(name: "TOKEN", old: true, new: false),
          because: "a secret becomes visible")
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "a dropped confirmation",
      old: base(),
      new: base("2.0") { $0.phases[0].sections[0].steps.removeFirst() },
      expected: [
        .init(
          .safety, .stepRemoved(step: reference("confirm-backup", "Confirm a full backup exists")),
          because: "a confirmation disappears")
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "a destructive mark dropped, the commands unchanged",
      old: base(),
      new: base("2.0", edit: edit("delete-old") { $0.destroys = nil }),
      expected: [
        .init(
          .safety, .destroys(step: "delete-old", old: "the old-app namespace", new: nil),
          because: "its commands are unchanged, and the script no longer asks first")
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "a destructive mark dropped while the changed step still destroys",
      old: base(),
      new: base(
        "2.0",
        edit: edit("delete-old") {
          $0.destroys = nil
          $0.actions = [
            .shell(
              ShellCommand("kubectl --context \"${KUBE_CONTEXT}\" delete namespace old-app --wait"))
          ]
        }),
      expected: [
        .init(
          .safety, .destroys(step: "delete-old", old: "the old-app namespace", new: nil),
          because: "its commands still destroy, and the script no longer asks first"),
        .init(
          .behaviour,
          .commands(
            step: "delete-old",
            old: ["kubectl --context \"${KUBE_CONTEXT}\" delete namespace old-app"],
            new: ["kubectl --context \"${KUBE_CONTEXT}\" delete namespace old-app --wait"])),
      ],
      statuses: statuses(.safety)),
    DiffPair(
      // Lint's table does not know this command destroys; the author did.
      name: "a destructive mark dropped from a destruction lint cannot see",
      old: base(edit: edit("import-all") { $0.destroys = "the users' old passwords" }),
      new: base("2.0"),
      expected: [
        .init(
          .safety, .destroys(step: "import-all", old: "the users' old passwords", new: nil),
          because: "its commands are unchanged, and the script no longer asks first")
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "a destructive mark dropped with the destruction",
      old: base(),
      new: base(
        "2.0",
        edit: edit("delete-old") {
          $0.destroys = nil
          $0.actions = [
            .shell(ShellCommand("kubectl --context \"${KUBE_CONTEXT}\" get namespace old-app"))
          ]
        }),
      expected: [
        .init(.behaviour, .destroys(step: "delete-old", old: "the old-app namespace", new: nil)),
        .init(
          .behaviour,
          .commands(
            step: "delete-old",
            old: ["kubectl --context \"${KUBE_CONTEXT}\" delete namespace old-app"],
            new: ["kubectl --context \"${KUBE_CONTEXT}\" get namespace old-app"])),
      ],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a removed context pin",
      old: base(),
      new: base("2.0") { $0.phases[0].pins = [] },
      expected: [
        .init(
          .safety, .pin(phase: "main", old: pin, new: nil), because: "a context guard disappears")
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "a removed preflight context guard",
      old: base(),
      new: base("2.0") { $0.phases[0].preflight = [] },
      expected: [
        .init(
          .safety, .check(place: .phase(id: "main"), old: contextGuard, new: nil),
          because: "the context guard of phase main disappears")
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "a shortened timeout",
      old: base(),
      new: base("2.0", edit: edit("wait-ready") { $0.actions = [.wait(shortWait)] }),
      expected: [
        .init(
          .safety, .wait(step: "wait-ready", old: wait, new: shortWait),
          because: "the timeout shrinks from 600 s to 60 s")
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "a lengthened timeout",
      old: base(),
      new: base("2.0", edit: edit("wait-ready") { $0.actions = [.wait(longWait)] }),
      expected: [.init(.behaviour, .wait(step: "wait-ready", old: wait, new: longWait))],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a shortened timeout parameter",
      old: base { $0.phases[0].sections[0].steps[3].actions = [.wait(parameterWait)] },
      new: base("2.0") {
        $0.phases[0].sections[0].steps[3].actions = [.wait(parameterWait)]
        $0.parameters[2].defaultValue = "60"
      },
      expected: [
        .init(
          .safety, .parameterDefault(name: "WAIT_TIMEOUT", old: "600", new: "60"),
          because: "a wait's timeout shrinks from 600 s to 60 s")
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "retries added to a destructive step",
      old: base(),
      new: base(
        "2.0", edit: edit("delete-old") { $0.retry = Retry(attempts: 3, delaySeconds: 10) }),
      expected: [
        .init(
          .safety,
          .retry(step: "delete-old", old: nil, new: Retry(attempts: 3, delaySeconds: 10)),
          because: "more tries of a destructive step")
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "retries added to a step that destroys nothing",
      old: base(),
      new: base(
        "2.0", edit: edit("import-all") { $0.retry = Retry(attempts: 3, delaySeconds: 10) }),
      expected: [
        .init(
          .behaviour,
          .retry(step: "import-all", old: nil, new: Retry(attempts: 3, delaySeconds: 10)))
      ],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a new tool",
      old: base(),
      new: base(
        "2.0",
        edit: edit("import-all") {
          $0.actions.append(.shell(ShellCommand("helm --kube-context \"${KUBE_CONTEXT}\" list")))
        }),
      expected: [
        .init(
          .behaviour,
          .commands(
            step: "import-all",
            old: ["python import_db.py --context \"${KUBE_CONTEXT}\" --users --groups"],
            new: [
              "python import_db.py --context \"${KUBE_CONTEXT}\" --users --groups",
              "helm --kube-context \"${KUBE_CONTEXT}\" list",
            ])),
        .init(.safety, .tool(old: nil, new: "helm"), because: "the operator needs it on PATH"),
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "a limitation removed",
      old: base(),
      new: base("2.0") { $0.limitations = [] },
      expected: [.init(.wording, .limitation(old: "Secrets are not migrated.", new: nil))],
      statuses: statuses(.wording)),
  ]

  static let shortWait = WaitCondition(
    wait.description, until: wait.condition, every: wait.intervalSeconds, timeout: "60")
  static let longWait = WaitCondition(
    wait.description, until: wait.condition, every: wait.intervalSeconds, timeout: "1200")
  static let parameterWait = WaitCondition(
    wait.description, until: wait.condition, every: wait.intervalSeconds,
    timeout: "${WAIT_TIMEOUT}")
}
