import Templates
import Testing

@Suite struct SourceCommandLinesTests {
  private func texts(_ source: String, _ format: SourceFormat? = nil) -> [String] {
    SourceCommandLines.extract(from: source, format: format).map(\.text)
  }

  @Test func fencedBlockGivesEachCommandLineWithItsNumber() {
    let source = """
      Intro text.

      ```bash
      for d in web cron; do
        kubectl scale deployment $d --replicas=0
      done
      ```
      """
    let lines = SourceCommandLines.extract(from: source)
    #expect(
      lines.map(\.text) == [
        "for d in web cron; do", "kubectl scale deployment $d --replicas=0", "done",
      ])
    #expect(lines.map(\.line) == [4, 5, 6])
    #expect(lines.map(\.origin) == ["bash", "bash", "bash"])
  }

  @Test func tildeFenceAndFenceWithoutLanguage() {
    #expect(texts("~~~\nls -l\n~~~\n\n```\npwd\n```\n") == ["ls -l", "pwd"])
  }

  @Test func backslashContinuationsJoinIntoOneLine() {
    let source = """
      ```shell
      pachctl list pipeline --raw \\
        | jq -r '.pipeline.name' \\
        | xargs -P3 -n1 -I{} pachctl stop pipeline {}
      ```
      """
    #expect(
      texts(source) == [
        "pachctl list pipeline --raw | jq -r '.pipeline.name' | xargs -P3 -n1 -I{} pachctl stop pipeline {}"
      ])
  }

  @Test func anEscapedBackslashAtTheEndDoesNotContinue() {
    #expect(texts("```\necho a\\\\\necho b\n```\n") == ["echo a\\\\", "echo b"])
  }

  @Test func promptsAreStrippedAndUnpromptedLinesAreOutput() {
    let source = """
      ```
      # Backup the service spec
      $ kubectl get svc/pachd -o json >backup.json

      $ pachctl version
      COMPONENT           VERSION
      pachctl             1.9.0
      ```
      """
    #expect(texts(source) == ["kubectl get svc/pachd -o json >backup.json", "pachctl version"])
  }

  @Test func commentsAndBlankLinesAreSkipped() {
    let source = "```bash\n# a comment\n\n   # indented comment\nls\n```\n"
    #expect(texts(source) == ["ls"])
  }

  @Test func commentedOutCommandsInAPromptedBlockAreSkipped() {
    let source = "```\n# $ pachctl list pipeline --raw \\\n#   | jq -r .\n$ pc version\n```\n"
    #expect(texts(source) == ["pc version"])
  }

  @Test func aHereDocumentBelongsToItsCommandLine() {
    let source = """
      ```bash
      cat > pod.yaml<<EOF
      kind: Pod
      # not a comment: part of the document
      EOF
      kubectl apply -f pod.yaml
      ```
      """
    let lines = SourceCommandLines.extract(from: source)
    #expect(
      lines.map(\.text) == [
        "cat > pod.yaml<<EOF\nkind: Pod\n# not a comment: part of the document\nEOF",
        "kubectl apply -f pod.yaml",
      ])
    #expect(lines.map(\.line) == [2, 6])
  }

  @Test func aHereStringIsNoHereDocument() {
    #expect(texts("```\ngrep x <<< \"$a\"\nls\n```\n") == ["grep x <<< \"$a\"", "ls"])
  }

  @Test func sqlStatementsRunToTheirSemicolon() {
    let source = """
      ```sql
      UPDATE jobs SET paused=true;
      -- a comment
      TRUNCATE \\
        access_keys, authorized_keys,
        watchers;
      UPDATE projects SET slug = slug
      ```
      """
    #expect(
      texts(source) == [
        "UPDATE jobs SET paused=true;", "TRUNCATE access_keys, authorized_keys, watchers;",
        "UPDATE projects SET slug = slug",
      ])
  }

  @Test func anIndentedBlockAfterABlankLineIsCode() {
    let source = "Run this:\n\n    ls -l\n    pwd\n\nDone.\n"
    let lines = SourceCommandLines.extract(from: source)
    #expect(lines.map(\.text) == ["ls -l", "pwd"])
    #expect(lines.map(\.line) == [3, 4])
  }

  @Test func indentedLinesOfAListItemOrAdmonitionAreProse() {
    let source = """
      !!! info
          If you need to upgrade, see the guide.

      - an item

          its second paragraph
      """
    #expect(texts(source).isEmpty)
  }

  @Test func aCodeSpanAloneOnALineIsACommand() {
    let source = """
      Stop each pipeline:

      `pachctl stop pipeline <pipeline-name>`

      Use `pachctl list pipeline` to check, or * `awk` as a tool.
      """
    let lines = SourceCommandLines.extract(from: source)
    #expect(lines.map(\.text) == ["pachctl stop pipeline <pipeline-name>"])
    #expect(lines.map(\.line) == [3])
    #expect(lines.map(\.origin) == ["inline"])
  }

  @Test func restructuredTextCodeBlockDirective() {
    let source = """
      Setup
      -----

      .. code-block:: bash

           ./bin/atlasdb-cli migrate --setup

      Running this command prepares the target.
      """
    let lines = SourceCommandLines.extract(from: source)
    #expect(SourceFormat.detect(source) == .restructuredText)
    #expect(lines.map(\.text) == ["./bin/atlasdb-cli migrate --setup"])
    #expect(lines.map(\.line) == [6])
    #expect(lines.map(\.origin) == ["bash"])
  }

  @Test func restructuredTextLiteralBlockAfterDoubleColon() {
    let source = ".. _target:\n\nRun this::\n\n    ls -l \\\n      -a\n\nThen go on.\n"
    #expect(texts(source) == ["ls -l -a"])
  }

  @Test func restructuredTextDirectivesOtherThanCodeHoldProse() {
    let source = """
      .. danger::

          Ensure you have backups.

      .. code-block:: bash
         :linenos:

         ls
      """
    #expect(texts(source) == ["ls"])
  }

  @Test func restructuredTextInlineLiteralAloneOnALine() {
    let source =
      ".. note::\n\n   text\n\n``atlasdb-cli timestamp fetch``\n\nand ``inline`` in prose.\n"
    #expect(texts(source) == ["atlasdb-cli timestamp fetch"])
  }

  @Test func markdownIsTheDefaultFormat() {
    #expect(SourceFormat.detect("# Title\n\n```\nls\n```\n") == .markdown)
  }
}
