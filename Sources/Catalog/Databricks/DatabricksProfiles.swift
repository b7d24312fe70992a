import Model

/// The interactive set-up of the Databricks CLI profiles, the same in every
/// edition. Under --yes, the profile's host in ~/.databrickscfg stands for
/// the operator's "done": the tool reads its credentials from there
/// (databrickslabs/migrate `dbclient/parser.py` @ faed13b lines 59–70).
extension Databricks {
  static func profileHost(_ parameter: String) -> OutputCheck {
    OutputCheck(
      "the profile ${\(parameter)} has a host in ~/.databrickscfg",
      command:
        #"awk -v p="[${\#(parameter)}]" '$0 == p { found = 1; next } /^\[/ { found = 0 } found && $1 == "host" { print $3 }' "${HOME}/.databrickscfg""#,
      expect: .nonEmpty,
      failure:
        "The .databrickscfg of your home directory has no host for the profile: run `databricks configure --token --profile <profile>` first."
    )
  }

  static let configureSourceProfile = Step(
    "configure-source-profile", "Configure the CLI profile of the source workspace"
  ) {
    ManualInstruction(
      "In the source (old) workspace's UI, generate a personal access token (User Settings → Access Tokens). Then run `databricks configure --token --profile <SRC_PROFILE>` with the profile name given as --src-profile; it prompts for the workspace URL (e.g. https://old-workspace.cloud.databricks.com) and the token. The token must belong to a workspace admin.",
      verification: profileHost("SRC_PROFILE"))
  }

  static let configureTargetProfile = Step(
    "configure-target-profile", "Configure the CLI profile of the target workspace"
  ) {
    ManualInstruction(
      "In the target (new) workspace's UI, generate a personal access token (User Settings → Access Tokens). Then run `databricks configure --token --profile <DST_PROFILE>` with the profile name given as --dst-profile; it prompts for the workspace URL and the token. The token must belong to a workspace admin.",
      verification: profileHost("DST_PROFILE"))
  }
}
