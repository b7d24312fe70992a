import Model

/// What `gen-migration init ID` writes: a small procedure that lints clean
/// and shows each action kind once (shell, sql, writeFile, manual, wait,
/// check, choose), a destructive step, a parameter rule and each kind of
/// parameter, for an author to edit into their own.
enum StarterProcedure {
  static func procedure(id: String) -> Procedure {
    Procedure(
      id: id, title: title(for: id), version: "1.0",
      summary:
        "Rotates a PostgreSQL user's password and restarts the deployment that uses it. Replace this with what your procedure does.",
      requirements: Requirements(
        tools: ["cat", "kubectl", "ls", "psql", "sleep"],
        accesses: ["kubectl access to the namespace", "a PostgreSQL superuser"]),
      limitations: ["Written by gen-migration init: replace the example steps with your own."],
      stateDirectory: "${WORK_DIR}",
      parameters: {
        Parameter("NAMESPACE", "Kubernetes namespace of the application.", required: true)
        Parameter("DEPLOYMENT", "The deployment that uses the password.", default: "app")
        Parameter("DB_USER", "The PostgreSQL user whose password changes.", default: "app")
        Parameter("NEW_PASSWORD", "The new password.", required: true, secret: true)
        Parameter(
          "OLD_DB_USER", "A user whose sessions are ended too; empty for none.", default: "",
          rules: [.differsFrom("DB_USER")])
        Parameter(
          "WAIT_TIMEOUT", "Seconds to wait for the deployment to be ready.", default: "300",
          kind: .integer)
        Parameter(
          "RESTART_APP", "yes to restart the deployment after the change.", default: "yes",
          kind: .yesNo)
        Parameter(
          "POD", "The pod checked at the end; chosen from the namespace's pods when empty.",
          default: "")
        Parameter("WORK_DIR", "Where the run's state and log are kept.", default: "${HOME}/\(id)")
      },
      phases: {
        Phase(
          id: "rotate", title: "Rotate the password", runsOn: "a workstation with kubectl and psql",
          summary: "Checks the cluster, changes the password and restarts the application.",
          preflight: [
            OutputCheck(
              "kubectl reaches the cluster",
              command: #"kubectl get namespace "${NAMESPACE}" -o name"#,
              expect: .nonEmpty,
              failure: "kubectl cannot see the namespace: check NAMESPACE and KUBECONFIG.")
          ]
        ) {
          Section("Prepare") {
            Step(
              "choose-pod", "Choose the application pod",
              explanation: "Picks the pod whose state is checked at the end."
            ) {
              Choice(
                "the pod to check", into: "POD",
                from: #"kubectl get pods -n "${NAMESPACE}" -o name"#)
            }
            Step("confirm-backup", "Confirm a backup exists") {
              ManualInstruction(
                "Make sure a recent backup of the database exists.",
                verification: OutputCheck(
                  "a backup file is there", command: #"ls "${WORK_DIR}""#, expect: .nonEmpty,
                  failure: "WORK_DIR is empty: put the backup's name in it."))
            }
          }
          Section("Change") {
            Step("write-notice", "Write the change notice") {
              FileWrite(
                "${WORK_DIR}/notice.txt", language: "text",
                content: "The password of ${DB_USER} changes now.\n")
            }
            Step(
              "change-password", "Change the password",
              explanation:
                "Clients still using the old password are refused from now on, until they restart.",
              destroys: "the old password of ${DB_USER} (clients using it can no longer log in)"
            ) {
              // The password reaches psql in its environment, never as an
              // argument (which ps shows); \getenv needs psql 15 or later.
              SQLScript(
                client:
                  #"NEW_PASSWORD="${NEW_PASSWORD}" psql -v ON_ERROR_STOP=1 -v user="${DB_USER}""#,
                "\\getenv password NEW_PASSWORD\nALTER USER :\"user\" WITH PASSWORD :'password';")
            }
          }
          Section("Restart") {
            Step("restart-deployment", "Restart the deployment", enabledBy: "RESTART_APP") {
              ShellCommand(#"kubectl rollout restart -n "${NAMESPACE}" "deployment/${DEPLOYMENT}""#)
              WaitCondition(
                "the deployment to be ready",
                until:
                  #"kubectl rollout status -n "${NAMESPACE}" "deployment/${DEPLOYMENT}" --timeout=5s"#,
                timeout: "${WAIT_TIMEOUT}")
            }
            Step("check-pod", "Check the chosen pod runs") {
              OutputCheck(
                "the pod runs",
                command: #"kubectl get -n "${NAMESPACE}" "${POD}" -o jsonpath='{.status.phase}'"#,
                expect: .equals("Running"), failure: "The pod does not run: see its events.")
            }
          }
        }
      })
  }

  /// `rotate-password` gives "Rotate password".
  static func title(for id: String) -> String {
    let words = id.split(separator: "-").joined(separator: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
  }
}
