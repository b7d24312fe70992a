import Model

/// AtlasDB key-value-store migration with the AtlasDB CLI (source:
/// `shared/seeds/003_a2ec046d7078a9ac.txt`): setup (drops every table in the
/// target KVS), migrate (resumable from its checkpoint), validate.
public enum AtlasDB {
  /// The CLI's common arguments: `--offline` when there is no TimeLock server.
  /// `then` follows the command on its line, e.g. a redirection.
  static func cli(_ command: String, then: String = "") -> ShellCommand {
    ShellCommand(
      """
      offline=()
      if [[ "${OFFLINE}" == yes ]]; then offline=(--offline); fi
      "${ATLASDB_CLI}" "${offline[@]}" migrate --fromConfig "${FROM_CONFIG}" --migrateConfig "${MIGRATE_CONFIG}" \(command)\(then.isEmpty ? "" : " " + then)
      """)
  }

  /// Both configurations exist, can be read, and are two files with
  /// different contents: with the source as its target, setup would drop the
  /// tables it is about to copy.
  static let configurationsDiffer = OutputCheck(
    "both configurations can be read and are two different files",
    command: #"""
      for config in "${FROM_CONFIG}" "${MIGRATE_CONFIG}"; do
        if [[ ! -f "${config}" || ! -r "${config}" ]]; then printf 'not a readable file: %s\n' "${config}"; fi
      done
      if [[ "${FROM_CONFIG}" -ef "${MIGRATE_CONFIG}" ]]; then
        printf 'fromConfig and migrateConfig are the same file: %s\n' "${MIGRATE_CONFIG}"
      elif [[ -r "${FROM_CONFIG}" && -r "${MIGRATE_CONFIG}" ]] && cmp -s -- "${FROM_CONFIG}" "${MIGRATE_CONFIG}"; then
        printf 'fromConfig and migrateConfig have the same contents\n'
      fi
      """#,
    expect: .empty,
    failure:
      "FROM_CONFIG and MIGRATE_CONFIG must be two different, readable files: setup drops every table of the target KVS, and with the source as its target it would drop the data to migrate."
  )

  /// `${WORK_DIR}/NAME.done` records that the step NAME completed for these
  /// two configurations (their absolute paths, one a line).
  static func recordDone(_ name: String) -> ShellCommand {
    ShellCommand(
      #"""
      from=${FROM_CONFIG} to=${MIGRATE_CONFIG}
      if [[ "${from}" != /* ]]; then from=${PWD}/${from}; fi
      if [[ "${to}" != /* ]]; then to=${PWD}/${to}; fi
      printf '%s\n' "${from}" "${to}" >"${WORK_DIR}/\#(name).done"
      """#)
  }

  /// The step NAME completed, by its record in WORK_DIR, for these two
  /// configurations: AtlasDB's steps "must be run in order", and the CLI
  /// itself does not check it.
  static func requireDone(_ name: String, before step: String) -> OutputCheck {
    OutputCheck(
      "\(name) completed for these two configurations (\(name).done in WORK_DIR)",
      command: #"""
        done_file="${WORK_DIR}/\#(name).done"
        if [[ ! -f "${done_file}" ]]; then
          printf 'no %s\n' "${done_file}"
        else
          { IFS= read -r from || true; IFS= read -r to || true; } <"${done_file}"
          if [[ ! "${from}" -ef "${FROM_CONFIG}" || ! "${to}" -ef "${MIGRATE_CONFIG}" ]]; then
            printf '%s was for %s to %s\n' "${done_file}" "${from}" "${to}"
          fi
        fi
        """#,
      expect: .empty,
      failure:
        "\(step) runs only after \(name) completed for the same FROM_CONFIG and MIGRATE_CONFIG: the three steps must run in order (setup, migrate, validate). Run them in order, e.g. `migrate.sh --restart` for all three; after a failed \(step), carry on with `migrate.sh --resume`."
    )
  }

  static let runsOn =
    "a machine with the AtlasDB CLI and the configurations of both key-value stores"

  /// Prints one line that says which KVS MIGRATE_CONFIG configures: the
  /// identifying settings of its `keyValueService` block (type, hosts,
  /// keyspace or namespace, database), never credentials.
  static let targetSummary = #"""
    awk '
      /^[[:space:]]*(#|$)/ { next }
      {
        match($0, /^ */)
        depth = RLENGTH
      }
      in_block && depth <= block_depth { in_block = 0 }
      in_block && listing && /^ *- / {
        item = $0
        sub(/^ *- */, "", item)
        summary = summary " " item
        next
      }
      in_block { listing = 0 }
      in_block && /^ *(type|servers|cqlHosts|thriftHosts|hosts|host|port|keyspace|namespace|dbName|sid|url|jdbcUrl|region|endpoint):/ {
        entry = $0
        sub(/^ */, "", entry)
        summary = summary (summary == "" ? "" : "; ") entry
        listing = entry ~ /:[[:space:]]*$/
        next
      }
      /^ *keyValueService:/ {
        in_block = 1
        block_depth = depth
      }
      END {
        if (summary == "") print "no keyValueService settings found in " FILENAME
        else print "keyValueService " summary
      }
    ' "${MIGRATE_CONFIG}"
    """#

  public static let version1 = Procedure(
    id: "atlasdb",
    title: "AtlasDB key-value store migration",
    version: "1.0",
    summary:
      "Migrates all transactional data from one AtlasDB key-value store (KVS) to another with the AtlasDB CLI, in three steps that must run in order: setup, migrate and validate. The source KVS is named by fromConfig, the target by migrateConfig. Only when all three have succeeded is the service pointed at the target KVS.",
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
        "Point the service at the target KVS only after setup, migrate and validate have all succeeded, in that order, in one migration (the script's last step, validate, completed): change the service's AtlasDB configuration to the target's keyValueService, then start the service. Until then keep it stopped and on the source KVS."
      ),
      .warning(
        "After attempting a migration, the source KVS is likely going to be behind in timestamps than the target KVS. In the specific use case where the destination KVS is a `TableSplittingKvs` that refers atomic tables back to the source KVS, this means that for some timestamp service implementations on the source KVS it could be possible to be issued timestamps that are already committed. Therefore, if the migration needs to be abandoned in favour of again using the source KVS, the source timestamp service must first be fast forwarded to a timestamp higher than the fresh timestamp of the target timestamp service."
      ),
      .note(
        "To go back to the source KVS after a migration attempt, with the service still stopped: `atlasdb-cli --offline -c <MIGRATE_CONFIG> timestamp -f target-fresh-timestamp fetch` writes a fresh timestamp of the target to the file target-fresh-timestamp, then `atlasdb-cli --offline -c <FROM_CONFIG> timestamp -f target-fresh-timestamp fast-forward` fast-forwards the source's timestamp service to it, so that every timestamp it issues afterwards is higher; only then start the service on the source KVS. Add `--config-root` if the configurations' AtlasDB block is not under `atlasdb`. fast-forward runs only offline and fails unless the source's timestamp service can be fast-forwarded; with TimeLock, use TimeLock's fresh-timestamp and timestamp-management fast-forward endpoints instead."
      ),
    ],
    limitations: [
      "Atomic tables (`AtlasDbConstants.ATOMIC_TABLES`), hidden tables (`AtlasDbConstants.HIDDEN_TABLES`), Cassandra hidden tables (`HiddenTables.CASSANDRA_TABLES`), targeted sweep tables (`TargetedSweepSchema`) and the migration checkpoint table: none is transactional, so none can be migrated. Transactional reads generally skip their data, but some of it could be read and then almost certainly migrated incorrectly.",
      "Only the most recent version of each cell is copied.",
      "The check before setup compares the two configuration files, not the stores they name: two different files that configure the same KVS pass it. The confirmation shows the target's keyValueService settings so that the operator can tell; configurations given inline (`--inline-config`) or in a format other than YAML are not read.",
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
        "WORK_DIR",
        "Where the record of each completed step (setup.done, migrate.done) and the validation's output (validate.log) are kept; migrate and validate refuse to run without the record of the step before them.",
        default: "${HOME}/atlasdb-migration")
      Parameter(
        "SERVICE_STOPPED",
        "yes confirms, for an unattended run (--yes), that backups exist and the service using AtlasDB is stopped.",
        kind: .yesNo, phases: ["setup"])
      Parameter(
        "TARGET_KVS",
        "The target's keyValueService settings exactly as the check-configurations step prints them; give it to confirm the target of an unattended run (--yes): setup stops if MIGRATE_CONFIG configures anything else.",
        default: "", phases: ["setup"])
    },
    phases: {
      setup
      migrate
      validate
    },
    corrections: { corrections }
  ).traced(steps: sourceLines, corrections: changedLines)

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
        "check-configurations", "Check both configurations and show the target",
        explanation:
          "Setup drops every table of the KVS that MIGRATE_CONFIG configures, and the CLI compares nothing before it does. This step checks that both configuration files can be read and are two different files (not the same file under two paths), and shows the target's keyValueService settings, which the setup step's confirmation repeats."
      ) {
        configurationsDiffer
        Choice(
          "the target KVS (the keyValueService settings of MIGRATE_CONFIG)", into: "TARGET_KVS",
          from: targetSummary)
      }
      Step(
        "setup", "Prepare the target KVS",
        explanation:
          "The CLI first drops all tables in the target KVS except atomic tables and Cassandra hidden tables. Then, for each table in the source KVS except atomic tables and Cassandra hidden tables, it creates a table with the same name and metadata in the target KVS. Some internal non-transactional tables are dropped and created too, to make a manual migration of them easier. The records of an earlier migrate go first: setup resets the migration.",
        destroys:
          "every table in the target KVS configured in ${MIGRATE_CONFIG} (${TARGET_KVS})",
        admonitions: [
          .note(
            "Running setup again resets any previous migration state and forces a fresh migration.")
        ]
      ) {
        configurationsDiffer
        ShellCommand(
          #"""
          mkdir -p "${WORK_DIR}"
          rm -f "${WORK_DIR}/setup.done" "${WORK_DIR}/migrate.done"
          """#)
        cli("--setup")
        recordDone("setup")
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
          "Each table that can be migrated is scanned transactionally at the migration timestamp, and every entry is copied to the target KVS at the transaction timestamp. The migration timestamp was committed beforehand, so all data copied before a failure stays committed, and the checkpoint table records progress. The step refuses to run unless setup completed for the same two configurations.",
        admonitions: [
          .note(
            "If the migration fails, run the migrate command again by carrying on with `migrate.sh --resume` (the same phases as the failed run): it runs migrate again, which continues from the last checkpoint, and not setup. Running setup at this point (`--restart`) would reset the migration state and force a fresh migration."
          )
        ]
      ) {
        requireDone("setup", before: "migrate")
        ShellCommand(#"rm -f "${WORK_DIR}/migrate.done""#)
        cli("--migrate")
        recordDone("migrate")
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
          "Every table that can be migrated, except the legacy sweep priority table, is scanned in both KVSs and its cells are compared. The sweep priority table is left out because writes during the migration can make it differ. The CLI reports a difference only in its output (\"Validation failed.\") and exits 0 all the same, so the step keeps the output in WORK_DIR/validate.log, shows it as it comes, and fails if it says so. It refuses to run unless migrate completed for the same two configurations.",
        admonitions: [
          .warning(
            "Only once this step has completed are all three steps done: then, and not before, point the service at the target KVS and start it."
          )
        ]
      ) {
        requireDone("migrate", before: "validate")
        cli("--validate", then: #"2>&1 | tee "${WORK_DIR}/validate.log""#)
        OutputCheck(
          "the CLI did not report a failed validation",
          command:
            #"grep -F -e 'Validation failed.' -- "${WORK_DIR}/validate.log" || [[ $? == 1 ]]"#,
          expect: .empty,
          failure:
            "The CLI printed \"Validation failed.\" (and exited 0 all the same; its output is in WORK_DIR/validate.log): the target KVS does not hold the same data as the source. Do not point the service at it. Find the cause, then run setup, migrate and validate again (`migrate.sh --restart`)."
        )
      }
    }
  }
}
