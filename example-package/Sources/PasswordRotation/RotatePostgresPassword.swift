import GenMigrationKit

/// Rotates a PostgreSQL user's password, stores the new one in the
/// Kubernetes secret the application reads, and restarts the application's
/// deployment so that it logs in with it. Rendered by `rotate-password
/// generate` to `examples/rotate-postgres-password/1.0/{migrate.sh,README.md}`.
public enum RotatePostgresPassword {
  /// The psql connection of the administrator who changes the password:
  /// `psql -X -h "${DB_HOST}" -U "${DB_ADMIN}" -d postgres`.
  static let adminPsql = #"psql -X -h "${DB_HOST}" -U "${DB_ADMIN}" -d postgres"#

  public static let version1 = Procedure(
    id: "rotate-postgres-password", title: "Rotate a PostgreSQL password", version: "1.0",
    summary:
      "Changes the password of the PostgreSQL user an application logs in as, stores it in the application's Kubernetes secret and restarts the deployment, which then logs in with the new password.",
    requirements: Requirements(
      tools: ["kubectl", "psql"],
      accesses: [
        "a kubeconfig context that may read namespaces, apply secrets and restart deployments in the namespace",
        "a PostgreSQL role that may ALTER ROLE the user, its password in ~/.pgpass or PGPASSWORD",
      ]),
    admonitions: [
      .warning(
        "Between the password change and the end of the restart, pods still running with the old password cannot open new connections."
      )
    ],
    limitations: [
      "Sessions already open with the old password stay open until the restarted pods replace them.",
      "A server that logs every statement (log_statement = all or ddl) writes the ALTER ROLE, password included, to its log.",
    ],
    stateDirectory: "${WORK_DIR}",
    parameters: {
      Parameter("KUBE_CONTEXT", "The kubeconfig context of the cluster.", required: true)
      Parameter("NAMESPACE", "The application's namespace.", required: true)
      Parameter("DEPLOYMENT", "The deployment that logs in as DB_USER.", default: "app")
      Parameter(
        "SECRET_NAME", "The secret whose key `password` the deployment reads.", default: "app-db")
      Parameter("DB_HOST", "The PostgreSQL server's host name.", required: true)
      Parameter("DB_ADMIN", "The role that changes the password.", default: "postgres")
      Parameter(
        "DB_USER", "The role whose password changes.", default: "app",
        rules: [.differsFrom("DB_ADMIN")])
      Parameter("NEW_PASSWORD", "The new password.", required: true, secret: true)
      Parameter(
        "WAIT_TIMEOUT", "Seconds to wait for the restarted deployment.", default: "600",
        kind: .integer)
      Parameter(
        "WORK_DIR", "Where the run's state and log are kept.", default: "${HOME}/rotate-password")
    },
    phases: {
      Phase(
        id: "rotate", title: "Rotate the password", runsOn: "a workstation with kubectl and psql",
        summary: "Checks both ends, changes the password, stores it and restarts the application.",
        preflight: [
          OutputCheck(
            "psql is version 15 or later", command: "psql --version",
            expect: .versionAtLeast("15"),
            failure:
              "The password is read with psql's \\getenv, new in psql 15: install a newer client."),
          OutputCheck(
            "kubectl reaches the namespace",
            command: #"kubectl --context "${KUBE_CONTEXT}" get namespace "${NAMESPACE}" -o name"#,
            expect: .nonEmpty,
            failure: "kubectl cannot see the namespace: check KUBE_CONTEXT and NAMESPACE."),
          OutputCheck(
            "psql logs in as the administrator",
            command: adminPsql + " -tA -c 'select current_user'",
            expect: .equalsParameter("DB_ADMIN"),
            failure: "psql cannot log in as DB_ADMIN on DB_HOST: check ~/.pgpass or PGPASSWORD."),
        ],
        pins: [ContextPin("kubectl", option: "--context", parameter: "KUBE_CONTEXT")]
      ) {
        Section("Change the password") {
          Step(
            "change-password", "Change the password",
            explanation:
              "psql reads the password from its environment (`\\getenv`), so it is on no command line. From here on the role logs in only with the new password; the pods that still hold the old one are restarted below.",
            destroys: "the old password of ${DB_USER} (clients using it can no longer log in)"
          ) {
            SQLScript(
              client: #"NEW_PASSWORD="${NEW_PASSWORD}" "# + adminPsql
                + #" -v ON_ERROR_STOP=1 -v user="${DB_USER}""#,
              "\\getenv password NEW_PASSWORD\nALTER ROLE :\"user\" WITH PASSWORD :'password';")
          }
          Step(
            "store-password", "Store the password in the secret",
            explanation:
              "Writes the key `password` of the secret from standard input, so the password is on no command line; applying the same secret again changes nothing."
          ) {
            ShellCommand(
              #"printf '%s' "${NEW_PASSWORD}" | kubectl --context "${KUBE_CONTEXT}" create secret generic "${SECRET_NAME}" -n "${NAMESPACE}" --from-file=password=/dev/stdin --dry-run=client -o yaml | kubectl --context "${KUBE_CONTEXT}" apply -n "${NAMESPACE}" -f -"#
            )
          }
        }
        Section("Restart the application") {
          Step(
            "restart-deployment", "Restart the deployment",
            explanation:
              "New pods read the secret when they start, so they log in with the new password."
          ) {
            ShellCommand(
              #"kubectl --context "${KUBE_CONTEXT}" rollout restart -n "${NAMESPACE}" "deployment/${DEPLOYMENT}""#
            )
            WaitCondition(
              "the deployment to be rolled out",
              until:
                #"kubectl --context "${KUBE_CONTEXT}" rollout status -n "${NAMESPACE}" "deployment/${DEPLOYMENT}" --timeout=5s"#,
              timeout: "${WAIT_TIMEOUT}")
          }
        }
      }
    })
}
