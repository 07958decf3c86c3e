import ArgumentParser
import CPlanCore
import CPlanHarness
import CPlanPlanning
import Foundation

extension CPlan {
  struct Augment: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rewrite the paper's harness task JSONs for one arm, as a drop-in tasks folder.",
      discussion: """
        Each task's runtime comes from its dockerFolder, and its framework and constraints from its name, as the harness reads them; feature tasks (hard-focused-task-NNN) take their framework from dockerFolder and are planned unconstrained. Every field but 'prompt' is kept byte for byte. The planned arm inserts the plan section before the '## Mandatory Files' heading (--anchor names another); a missing anchor is an error, so feature tasks, whose prompt ends with the instruction, need --placement append. With --arm baseline the output is identical to the input. Outputs keep their relative path and file name. Beside each planned task, TASK.json.cplan holds its plan as JSON: every statement's provenance (pack, version, rule, sources), its value, and what was dropped and why (a harness that reads *.json does not see it). The plan leaves out what the task's prompt already says and fits --budget (default 2000 tokens of the inserted section).

        Examples:
          cplan augment ../shared/reference/constraint-decay/tasks/uv ../shared/reference/constraint-decay/tasks/node --out tasks-planned --arm planned
          cplan augment tasks/flask --out tasks-planned/flask --arm planned --placement append
          cplan augment task.json --out out --arm baseline
        """)

    /// Appended to a task's file name for its plan's provenance.
    static let sidecarExtension = ".cplan"

    enum PlacementChoice: String, CaseIterable, ExpressibleByArgument { case anchor, append }

    @Argument(help: ArgumentHelp("Task JSON files or folders of them.", valueName: "task"))
    var paths: [String]

    @Option(help: ArgumentHelp("The output folder.", valueName: "dir"))
    var out: String

    @Option(help: "baseline, planned, rag or planned+rag (rag arms need a corpus index).")
    var arm: String = "planned"

    @Option(help: "Where the plan goes: before the anchor heading, or appended to the prompt.")
    var placement: PlacementChoice = .anchor

    @Option(help: "The heading the plan is inserted before.")
    var anchor: String = HarnessTask.Placement.defaultHeading

    @Option(help: ArgumentHelp("Manifests to plan with (files or folders).", valueName: "path"))
    var manifests: [String] = ["Constraints/manifests/conduit"]

    @Flag(help: "Write into a non-empty folder cplan did not write (its files are never touched).")
    var force = false

    @OptionGroup var options: PlanOptions

    func run() throws {
      let chosen: Arm
      do {
        let arms = try Arm.list(arm)
        guard arms.count == 1 else { throw ValidationError("'--arm' takes one arm") }
        chosen = arms[0]
      } catch let error as RenderError { throw ValidationError("\(error)") }
      var inputs: [(file: String, relative: String)] = []
      for path in paths {
        let found = Augmenter.taskFiles(at: path)
        if found.isEmpty {
          StandardError.write("\(path):1:1: error: no such file or folder, or no .json in it [io-unreadable]\n")
          throw ExitCode(2)
        }
        inputs += found
      }
      inputs.sort { $0.relative < $1.relative }
      let session = try options.session(manifests)
      session.retriever = try options.retriever(for: [chosen])
      let augmenter = Augmenter(
        session: session, arm: chosen,
        placement: placement == .append ? .append : .beforeHeading(anchor))
      // Tasks are read, planned and rewritten on every core; results keep the input order.
      let files = inputs.map(\.file)
      let estimator = session.planner.estimator
      let armName = chosen.rawValue
      let results = Parallel.map(files.count) { index -> (Data?, Data?, [Diagnostic], String?) in
        let file = files[index]
        do {
          let task = try HarnessTask.read(URL(fileURLWithPath: file), displayPath: file)
          let (data, plan) = try augmenter.augment(task)
          let sidecar = try plan.map { plan -> Data in
            var object = plan.jsonObject(estimator: estimator)
            object["task"] = task.name
            object["arm"] = armName
            return Data(try JSONOutput.string(object).utf8)
          }
          return (data, sidecar, plan?.diagnostics ?? [], nil)
        } catch let error as HarnessError {
          return (nil, nil, [], DiagnosticReporter.text([error.diagnostic]))
        } catch {
          return (nil, nil, [], "\(file):1:1: error: \(error) [augment-failed]\n")
        }
      }
      var outputs: [(String, Data)] = []
      var failures = 0
      for ((_, relative), (data, sidecar, diagnostics, failure)) in zip(inputs, results) {
        StandardError.diagnostics(diagnostics)
        if let failure {
          StandardError.write(failure)
          failures += 1
        } else if let data {
          outputs.append((relative, data))
          // Provenance beside the task, under a name a harness globbing *.json does not read.
          if let sidecar { outputs.append((relative + Self.sidecarExtension, sidecar)) }
        }
      }
      if failures > 0 {
        StandardError.write("error: \(failures) of \(inputs.count) tasks failed; nothing was written\n")
        throw ExitCode(1)
      }
      let duplicates = Dictionary(grouping: outputs.map(\.0), by: { $0 }).filter { $0.value.count > 1 }
      if let clash = duplicates.keys.sorted().first {
        StandardError.write("error: two inputs map to the same output '\(clash)'; augment them separately\n")
        throw ExitCode(2)
      }
      do {
        var folder = try OutputFolder(out, force: force)
        for (relative, data) in outputs { try folder.write(data, to: relative) }
        try folder.commit()
      } catch {
        StandardError.write("error: \(error)\n")
        throw ExitCode(2)
      }
      let tasks = outputs.filter { !$0.0.hasSuffix(Self.sidecarExtension) }.count
      let sidecars = outputs.count - tasks
      print(
        "wrote \(tasks) \(chosen.rawValue) tasks to \(out)"
          + (sidecars > 0 ? " with \(sidecars) plan sidecars (*.json\(Self.sidecarExtension))" : ""))
    }
  }
}
