import ArgumentParser
import CPlanCore
import CPlanPlanning
import Foundation

extension MatrixFormat: ExpressibleByArgument {}

extension CPlan {
  struct Matrix: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the prompt of every variant in every arm, with an index.",
      discussion: """
        One file per (variant, arm) — text: {arm}/{variant}.md; harness: task JSONs in {arm}/{uv|node}/, a drop-in tasks folder per arm; jsonl: {arm}.jsonl — plus index.json listing each prompt's name, level, arm, constraints, bytes, estimated tokens, sha256 and plan provenance counts. Files are staged first, so a failed run writes nothing; each file then replaces its predecessor in one step. The folder's .cplan-output lists the files cplan wrote: a rerun replaces or removes only those and never touches another file. A non-empty folder that cplan did not write is refused unless --force is given, which lets cplan add its files beside the others (never overwriting one of them).

        Examples:
          cplan matrix Constraints/manifests/demo/bookmarks.yaml --out out/demo
          cplan matrix Constraints/manifests/conduit --out out/conduit --arms baseline,planned --format harness
          cplan matrix Constraints/manifests/conduit --out out/conduit.jsonl --format jsonl --budget 2000
        """)

    @Argument(help: ArgumentHelp("Manifest files or folders.", valueName: "manifest"))
    var paths: [String]

    @Option(help: ArgumentHelp("The output folder.", valueName: "dir"))
    var out: String

    @Option(help: "Comma-separated arms: baseline, planned, rag, planned+rag (rag arms need a corpus index).")
    var arms: String = "baseline,planned"

    @Option(help: "Output format: text, harness or jsonl.")
    var format: MatrixFormat = .text

    @Flag(help: "Write into a non-empty folder cplan did not write (its files are never touched).")
    var force = false

    @Flag(help: "No progress line on standard error.")
    var quiet = false

    @OptionGroup var options: PlanOptions

    func run() throws {
      let armList: [Arm]
      do { armList = try Arm.list(arms) } catch { throw ValidationError("\(error)") }
      let session = try options.session(paths)
      session.retriever = try options.retriever(for: armList)
      var folder: OutputFolder
      do {
        folder = try OutputFolder(out, force: force)
      } catch {
        StandardError.write("error: \(error)\n")
        throw ExitCode(2)
      }
      let builder = MatrixBuilder(session: session, arms: armList, format: format)
      let progress = Progress(enabled: !quiet)
      do {
        for manifest in session.constraints.manifests {
          StandardError.diagnostics(session.specDiagnostics(for: manifest))
        }
        let entries = try builder.entries { done, total in progress.update(done, total) }
        progress.finish()
        let diagnostics = entries.flatMap(\.diagnostics)
        StandardError.diagnostics(diagnostics)
        for (path, data) in builder.files(for: entries) { try folder.write(data, to: path) }
        try folder.commit()
        print("wrote \(entries.count) prompts (\(armList.map(\.rawValue).joined(separator: ", "))) to \(out)")
        if diagnostics.hasErrors { throw ExitCode(1) }
      } catch let error as RenderError {
        folder.abandon()
        StandardError.write("error: \(error)\n")
        throw ExitCode(2)
      } catch let error as OutputError {
        folder.abandon()
        StandardError.write("error: \(error)\n")
        throw ExitCode(2)
      }
    }
  }
}

/// A one-line progress counter on standard error, shown only on a terminal.
final class Progress {
  private let enabled: Bool

  init(enabled: Bool) { self.enabled = enabled && isatty(STDERR_FILENO) == 1 }

  func update(_ done: Int, _ total: Int) {
    update(label: "prompts", done, total)
  }

  func update(label: String, _ done: Int, _ total: Int) {
    guard enabled, total > 0 else { return }
    let width = 30
    let filled = width * done / total
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    StandardError.write("\r\u{1B}[K[\(bar)] \(done)/\(total) \(label)")
  }

  func finish() {
    guard enabled else { return }
    StandardError.write("\r\u{1B}[K")
  }
}
