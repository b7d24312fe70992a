import Model

/// AtlasDB key-value-store migration with the AtlasDB CLI (source:
/// `shared/seeds/003_a2ec046d7078a9ac.txt`): setup (drops every table in the
/// target KVS), migrate (resumable from its checkpoint), validate.
public enum AtlasDB {
  /// The CLI's common arguments: `--offline` when there is no TimeLock server.
  static func cli(_ command: String) -> ShellCommand {
    ShellCommand(
      """
      offline=()
      if [[ "${OFFLINE}" == yes ]]; then offline=(--offline); fi
      "${ATLASDB_CLI}" "${offline[@]}" migrate --fromConfig "${FROM_CONFIG}" --migrateConfig "${MIGRATE_CONFIG}" \(command)
      """)
  }

  static let runsOn =
    "a machine with the AtlasDB CLI and the configurations of both key-value stores"

  public static let version1 = Procedure(
    id: "atlasdb",
    title: "AtlasDB key-value store migration",
    version: "1.0",
    summary:
      "Migrates all transactional data from one AtlasDB key-value store (KVS) to another with the AtlasDB CLI, in three steps that must run in order: setup, migrate and validate. The source KVS is named by fromConfig, the target by migrateConfig.",
    source: "AtlasDB KVS Migration documentation (`shared/seeds/003_a2ec046d7078a9ac.txt`)",
    requirements: Requirements(
      accesses: [
        "Backups of both key-value stores.",
        "The service that uses AtlasDB stopped: the migration must run while it is offline.",
        "A running TimeLock server if you use TimeLock; otherwise the migration runs with `--offline`, which removes the leader block from the configuration for the purposes of the migration.",
      ]),
    admonitions: [
      .danger(
        "Ensure you have backups before attempting a KVS migration. Double check that `migrateConfig` (the target KVS) is specified correctly, since all tables in that KVS will be dropped."
      ),
      .warning(
        "KVS migration must be run while the service using AtlasDB is offline. If you are using TimeLock, the TimeLock server must be running in order to do the migration. Otherwise, you must use the `--offline` flag, which will remove the leader block from your configuration for the purposes of migration."
      ),
      .warning(
        "After attempting a migration, the source KVS is likely going to be behind in timestamps than the target KVS. In the specific use case where the destination KVS is a `TableSplittingKvs` that refers atomic tables back to the source KVS, this means that for some timestamp service implementations on the source KVS it could be possible to be issued timestamps that are already committed. Therefore, if the migration needs to be abandoned in favour of again using the source KVS, the source timestamp service must first be fast forwarded to a timestamp higher than the fresh timestamp of the target timestamp service."
      ),
    ],
    limitations: [
      "Atomic tables (`AtlasDbConstants.ATOMIC_TABLES`), hidden tables (`AtlasDbConstants.HIDDEN_TABLES`), Cassandra hidden tables (`HiddenTables.CASSANDRA_TABLES`), targeted sweep tables (`TargetedSweepSchema`) and the migration checkpoint table: none is transactional, so none can be migrated. Transactional reads generally skip their data, but some of it could be read and then almost certainly migrated incorrectly.",
      "Only the most recent version of each cell is copied.",
    ],
    parameters: {
      Parameter("ATLASDB_CLI", "Path of the AtlasDB CLI.", default: "./bin/atlasdb-cli")
      Parameter(
        "FROM_CONFIG",
        "Configuration of the source KVS, which holds the data to migrate (fromConfig).",
        required: true)
      Parameter(
        "MIGRATE_CONFIG",
        "Configuration of the target KVS (migrateConfig). Every table in it is dropped by setup.",
        required: true)
      Parameter(
        "OFFLINE",
        "yes without a TimeLock server (the CLI's --offline), no when a TimeLock server is running.",
        default: "yes", kind: .yesNo)
      Parameter(
        "SERVICE_STOPPED",
        "yes confirms, for an unattended run (--yes), that backups exist and the service using AtlasDB is stopped.",
        kind: .yesNo, phases: ["setup"])
    },
    phases: {
      setup
      migrate
      validate
    },
    corrections: {
      Correction(
        "The target configuration must be named",
        source:
          "./bin/atlasdb-cli --offline migrate --fromConfig from.yml --migrateConfig to.yml --setup",
        problem:
          "The source's example names `from.yml` and `to.yml`; run as written from the wrong directory, setup drops every table of whatever KVS `to.yml` there configures.",
        fix:
          "FROM_CONFIG and MIGRATE_CONFIG have no defaults and must be given; setup asks for `yes` naming the target configuration file before it drops anything.",
        steps: ["setup"])
      Correction(
        "The three commands run as separate steps",
        source:
          "./bin/atlasdb-cli --offline migrate --fromConfig from.yml --migrateConfig to.yml --setup --migrate --validate",
        problem:
          "The source allows one combined invocation, \"with the caveat that if the migration fails, care should be taken to identify which step failed\". Re-running it after a failed migrate would run setup again, which resets the migration.",
        fix:
          "Setup, migrate and validate are separate steps: a failure names the step, and `--resume` re-runs migrate (which continues from its checkpoint) without running setup again.",
        steps: ["setup", "migrate", "validate"])
    })

  static let setup = Phase(
    id: "setup", title: "Set up the target KVS", runsOn: runsOn
  ) {
    Section("Setup") {
      Step("confirm-prerequisites", "Confirm backups and that the service is offline") {
        ManualInstruction(
          "Make sure both key-value stores are backed up and the service using AtlasDB is stopped. If you use TimeLock, make sure the TimeLock server is running (and run with --offline no).",
          verification: OutputCheck(
            "the operator confirmed with --service-stopped yes",
            command: #"printf '%s\n' "${SERVICE_STOPPED}""#,
            expect: .equals("yes"),
            failure:
              "Unattended runs need --service-stopped yes to confirm that backups exist and the service is stopped."
          ))
      }
      Step(
        "setup", "Prepare the target KVS",
        explanation:
          "The CLI first drops all tables in the target KVS except atomic tables and Cassandra hidden tables. Then, for each table in the source KVS except atomic tables and Cassandra hidden tables, it creates a table with the same name and metadata in the target KVS. Some internal non-transactional tables are dropped and created too, to make a manual migration of them easier.",
        destroys: "every table in the target KVS configured in ${MIGRATE_CONFIG}",
        admonitions: [
          .note(
            "Running setup again resets any previous migration state and forces a fresh migration.")
        ]
      ) {
        cli("--setup")
      }
    }
  }

  static let migrate = Phase(
    id: "migrate", title: "Migrate the data", runsOn: runsOn
  ) {
    Section("Migrate") {
      Step(
        "migrate", "Copy the data to the target KVS",
        explanation:
          "Each table that can be migrated is scanned transactionally at the migration timestamp, and every entry is copied to the target KVS at the transaction timestamp. The migration timestamp was committed beforehand, so all data copied before a failure stays committed, and the checkpoint table records progress.",
        admonitions: [
          .note(
            "If the migration fails, run migrate again (`migrate.sh migrate`, or `--resume`): it continues from the last checkpoint. Running setup at this point would reset the migration state."
          )
        ]
      ) {
        cli("--migrate")
      }
    }
  }

  static let validate = Phase(
    id: "validate", title: "Validate the migration", runsOn: runsOn
  ) {
    Section("Validate") {
      Step(
        "validate", "Check that both KVSs hold the same data",
        explanation:
          "Every table that can be migrated, except the legacy sweep priority table, is scanned in both KVSs and its cells are compared. The sweep priority table is left out because writes during the migration can make it differ."
      ) {
        cli("--validate")
      }
    }
  }
}
