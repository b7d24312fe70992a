import Model

/// The CDSW→CML migration (source: `shared/seeds/000_c03035f39e560ae8.txt`).
///
/// Two phases on two machines: `export` on the CDSW master host writes an
/// archive of the database dump and the project files; `import` loads it
/// into a new CML workspace over kubectl and rewrites the database so that
/// one admin owns everything.
public enum CML {
  public static let version1 = Procedure(
    id: "cml",
    title: "Cloudera CDSW to CML workspace migration",
    version: "1.0",
    summary:
      "Moves the projects, jobs, models, applications and database of a CDSW cluster into a new, empty CML workspace. The export runs on the CDSW host; the import runs from any machine with the exported archive and the workspace's kubeconfig.",
    source: "Cloudera Machine Learning Migration README (`shared/seeds/000_c03035f39e560ae8.txt`)",
    requirements: Requirements(
      // The source's list named `date` (only for the `mv` corrected below) and
      // `wc` (never used), and missed `cut`, `mkdir` and `mv`.
      tools: [
        "awk", "cat", "cksum", "cut", "grep", "head", "kubectl", "mkdir", "mv", "rm", "sed",
        "sleep", "sort",
        "tail", "tar",
      ],
      accesses: [
        "A new CML workspace, already provisioned, with no existing projects.",
        "At least one admin user has logged in to the workspace (the migration is easier if no one else has).",
        "On the CDSW master host: the CDSW service running (the database must be up) and `kubectl` access to the CDSW cluster.",
        "For the import: a copy of the exported archive and the workspace's `kubeconfig`; `kubectl api-versions` must work.",
      ]),
    admonitions: [
      .warning(
        "This is an immature process. Consider performing it step by step (by hand, or with the script's confirmations) to check for problems at each step. The source was tested on Ubuntu 18.04 and is expected to work on Mac OS X."
      )
    ],
    limitations: [
      "Logs from previous sessions, jobs and so on.",
      "Docker images, including those from previous model builds and experiment builds.",
      "Users. All resources will be owned by one administrator of the new workspace, to be reassigned case by case.",
    ],
    stateDirectory: "${WORK_DIR}",
    parameters: {
      Parameter(
        "NAMESPACE",
        "Kubernetes namespace of the CML workspace: `mlx` on public cloud; it may differ on private cloud.",
        default: "mlx", phases: ["import"])
      Parameter(
        "CDSW_DIR", "The CDSW directory that holds `projects/` and receives the database dump.",
        default: "/var/lib/cdsw/current", phases: ["export"])
      Parameter(
        "ARCHIVE",
        "The migration archive: written by the export, copied to the import machine, read by the import.",
        default: "cml-migration.tar.gz")
      Parameter(
        "WORK_DIR",
        "Directory for saved state (replica counts, saved tables, manifests). Keep it across restarts: it is what lets a failed migration carry on.",
        default: "${HOME}/cml-migration")
      Parameter(
        "ADMIN",
        "Username of the workspace admin who will own every migrated project and resource. May stay empty when the workspace has exactly one admin.",
        phases: ["import"])
      Parameter(
        "WAIT_TIMEOUT", "Seconds to wait for pods to stop, start or complete before giving up.",
        default: "600", kind: .integer)
    },
    phases: {
      exportPhase
      importPhase
    },
    corrections: { corrections }
  ).traced(steps: sourceLines, corrections: changedLines, omissions: omissions)

  /// Waits poll every this many seconds.
  static let pollSeconds = 5
  static let timeout = "${WAIT_TIMEOUT}"

  static let cdswClients = ["web", "feature-flags", "usage-reporter", "model-proxy", "cron"]
  static let workspaceClients = cdswClients + ["metering"]

  static let kubectlReachesCluster = OutputCheck(
    "kubectl reaches the cluster", command: "kubectl api-versions", expect: .nonEmpty,
    failure:
      "kubectl cannot reach the cluster: check KUBECONFIG and that `kubectl api-versions` works.")

  /// Records the replica count of each deployment in `file`, once: a run that
  /// carries on after a failure keeps the counts from before the scale-down.
  static func saveReplicas(of deployments: [String], to file: String, namespace: String)
    -> ShellCommand
  {
    ShellCommand(
      """
      mkdir -p "${WORK_DIR}"
      if [[ ! -s "${WORK_DIR}/\(file)" ]]; then
        for d in \(deployments.joined(separator: " ")); do
          replicas=$(kubectl get deployment\(namespace) "${d}" -o jsonpath='{.spec.replicas}')
          printf '%s %s\\n' "${d}" "${replicas}"
        done >"${WORK_DIR}/\(file).partial"
        mv "${WORK_DIR}/\(file).partial" "${WORK_DIR}/\(file)"
      fi
      cat "${WORK_DIR}/\(file)"
      """)
  }

  static func scaleDown(_ deployments: [String], namespace: String) -> ShellCommand {
    ShellCommand(
      """
      for d in \(deployments.joined(separator: " ")); do
        kubectl scale deployment\(namespace) "${d}" --replicas=0
      done
      """)
  }

  static func podsGone(_ deployments: [String], namespace: String) -> WaitCondition {
    WaitCondition(
      "the pods of \(deployments.joined(separator: ", ")) to stop",
      until:
        "pods=$(kubectl get pods\(namespace) -o name) && ! grep -qE '^pod/(\(deployments.joined(separator: "|")))-' <<<\"${pods}\"",
      every: pollSeconds, timeout: timeout)
  }

  static func restoreReplicas(from file: String, namespace: String) -> ShellCommand {
    ShellCommand(
      """
      while read -r d replicas; do
        kubectl scale deployment\(namespace) "${d}" --replicas="${replicas}"
      done <"${WORK_DIR}/\(file)"
      """)
  }

  static func available(_ deployments: [String], namespace: String) -> WaitCondition {
    WaitCondition(
      "\(deployments.joined(separator: ", ")) to be available",
      until:
        "kubectl wait --for=condition=Available --timeout=5s\(namespace) \(deployments.map { "deployment/\($0)" }.joined(separator: " "))",
      every: pollSeconds, timeout: timeout)
  }
}
