import ArgumentParser
import CPlanCore
import CPlanHarness
import CPlanModel
import CPlanVerify
import Foundation

extension CPlan {
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check generated code against its variant's constraints and the packs' checks.",
      discussion: """
        Each input is a patch (only its added lines count, at their new-file line numbers), a folder of generated code (node_modules, .git, virtual environments and caches are skipped; lock files are not read), or a harness results tree {runtime}/{agent}/{model}/{task}/{date}/run_N/*.patch, whose runs take their variant from the task folder. Patches and code folders need the variant: --task (a harness task JSON), --manifest with --variant, or --name (a task name; the framework gives the runtime).

        Only application code decides: comments and docstrings are never evidence, and tests, migrations, CI and tooling files, docs, development or test settings and dev-only dependencies are reported as notes. Built-in verifiers run for the constraints the variant sets: clean architecture (at least 3 of the 4 layers present, no lower layer importing a higher one; a manifest's 'layers' key overrides the folder names), database (evidence of the prescribed engine and none of the other), ORM (evidence of the prescribed ORM). Then the check of every pack rule that applies: the manifest's packs, the --packs folders, or Constraints/packs when present. A check holds, is violated, or is unknown (a patch that does not show where the evidence would be; --base DIR reads the tree the patch applies to).

        Exit status: 0 no error finding, 1 an error finding (or a warning with --strict), 2 usage error or unreadable input.

        Examples:
          cplan verify run_1/agent.patch --name django-openapi-clean_architecture-postgres
          cplan verify generated/ --task tasks/uv/uv-flask-openapi-sqlite.json
          cplan verify results/ --format sarif --output verify.sarif
          cplan verify fix.patch --manifest m.yaml --variant fastapi-openapi-postgres-sqlalchemy
          cplan verify feature.patch --name flask-openapi-unconstrained --base app/
        """)

    @Argument(help: ArgumentHelp("Patches, code folders or results trees.", valueName: "patch|dir"))
    var paths: [String]

    @Option(help: ArgumentHelp("A harness task JSON giving the variant.", valueName: "file"))
    var task: String?

    @Option(
      help: ArgumentHelp("A manifest; with --variant it gives the variant.", valueName: "file"))
    var manifest: String?

    @Option(help: "The variant's task name within --manifest.")
    var variant: String?

    @Option(
      help: ArgumentHelp(
        "A task name giving the variant, e.g. django-openapi-clean_architecture-postgres.",
        valueName: "task-name"))
    var name: String?

    @Flag(help: "Run the built-in verifiers only, no pack rule.")
    var noPacks = false

    @Flag(help: "Read patches as applied in reverse (the feature tasks' patches remove a feature).")
    var reverse = false

    @Option(
      help: ArgumentHelp(
        "The folder a patch applies to: checks that need the whole project (require-file, "
          + "require-pattern) read it with the patch applied instead of saying unknown.",
        valueName: "dir"))
    var base: String?

    @Option(help: "Output format: text, json or sarif.")
    var format: VerifyFormat = .text

    @Option(
      help: ArgumentHelp(
        "Write the output to this file (atomically) instead of stdout.",
        valueName: "file"))
    var output: String?

    @OptionGroup var load: LoadOptions

    enum VerifyFormat: String, CaseIterable, ExpressibleByArgument { case text, json, sarif }

    func validate() throws {
      let given = [task != nil, manifest != nil, name != nil].filter { $0 }.count
      if given > 1 {
        throw ValidationError(
          "give the variant one way: --task, --manifest with --variant, or --name")
      }
      if (manifest == nil) != (variant == nil) {
        throw ValidationError("'--manifest' and '--variant' go together")
      }
    }

    func run() throws {
      var diagnostics: [Diagnostic] = []
      let (manifestValue, packs) = try loadConstraints()
      let explicit = try explicitTarget(manifestValue)?.selecting(packs)
      let jobs = try makeJobs(
        explicit: explicit, manifest: manifestValue, packs: packs, diagnostics: &diagnostics)
      var reports: [VerificationReport] = []
      for result in VerificationBatch.run(jobs) {
        switch result {
        case .success(let report): reports.append(report)
        case .failure(let error): diagnostics.append(error.diagnostic)
        }
      }
      StandardError.diagnostics(diagnostics)
      try emit(reports, diagnostics: diagnostics, packRules: packs.flatMap(\.rules))
      if diagnostics.hasErrors { throw ExitCode(2) }
      let failing = reports.flatMap(\.findings).contains {
        $0.severity == .error || (load.strict && $0.severity == .warning)
      }
      if failing { throw ExitCode(1) }
    }

    /// One job per patch or folder, and per run of each results tree; inputs that do not exist
    /// and runs whose task name does not parse become diagnostics.
    private func makeJobs(
      explicit: VerificationTarget?, manifest: Manifest?, packs: [RulePack],
      diagnostics: inout [Diagnostic]
    ) throws -> [VerificationJob] {
      var jobs: [VerificationJob] = []
      var treeTargets: [String: VerificationTarget] = [:]
      let layers = layerMap(manifest)
      for path in paths {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
          diagnostics.append(
            .error("io-unreadable", "no such file or folder", at: .start(of: path)))
          continue
        }
        let runs = isFolder.boolValue ? ResultsTree.runs(in: path) : []
        for run in runs {
          let key = "\(run.runtime)/\(run.task)"
          if treeTargets[key] == nil {
            do {
              // The manifest maps the tokens only of its own framework's tasks.
              let fits = manifest.map { $0.framework == run.task.prefix { $0 != "-" } } ?? false
              treeTargets[key] = try VerificationTarget.inferred(
                name: run.task, dockerFolder: run.runtime, manifest: fits ? manifest : nil
              ).selecting(packs)
            } catch let error as VerifyError {
              diagnostics.append(.error(error.code, error.message, at: .start(of: run.patch)))
              continue
            }
          }
          jobs.append(
            VerificationJob(
              input: run.patch, kind: .patch, target: treeTargets[key]!, run: run,
              reverse: reverse, base: base, layers: layers))
        }
        guard runs.isEmpty else { continue }
        guard let explicit else {
          StandardError.write(
            "error: '\(path)' needs the variant: give --task, --manifest with --variant, "
              + "or --name\n")
          throw ExitCode(2)
        }
        jobs.append(
          VerificationJob(
            input: path, kind: isFolder.boolValue ? .folder : .patch, target: explicit,
            reverse: reverse, base: base, layers: layers))
      }
      return jobs
    }

    /// The layer mapping: the defaults with the manifest's `layers` overrides.
    private func layerMap(_ manifest: Manifest?) -> LayerMap {
      var overrides: [String: Layer?] = [:]
      for (name, folders) in manifest?.layers ?? [:] {
        let layer = Layer.allCases.first { $0.name == name }
        for folder in folders { overrides[folder] = layer }
      }
      return LayerMap(overrides: overrides)
    }

    /// The manifest (when given) and the packs whose rules may apply.
    private func loadConstraints() throws -> (Manifest?, [RulePack]) {
      var files: [String] = manifest.map { [$0] } ?? []
      if !noPacks {
        files += load.packFolders
        if load.packFolders.isEmpty, manifest == nil { files += DataPaths.packFiles() }
      }
      guard !files.isEmpty else { return (nil, []) }
      let set = ConstraintLoader(
        packFolders: noPacks ? [] : load.packFolders + DataPaths.packFolders()
      ).load(paths: files)
      let shown = set.diagnostics.filter { !(noPacks && $0.code == "pack-not-found") }
      StandardError.diagnostics(shown)
      if shown.hasErrors { throw ExitCode(2) }
      if manifest != nil, set.manifests.isEmpty {
        StandardError.write("error: '\(manifest!)' is not a manifest\n")
        throw ExitCode(2)
      }
      return (set.manifests.first, noPacks ? [] : set.packs)
    }

    /// The variant given by --task, --manifest with --variant, or --name.
    private func explicitTarget(_ manifestValue: Manifest?) throws -> VerificationTarget? {
      do {
        if let task {
          return try VerificationTarget(
            task: try HarnessTask.read(URL(fileURLWithPath: task), displayPath: task))
        }
        if let name { return try VerificationTarget.named(name) }
      } catch let error as HarnessError {
        StandardError.diagnostics([error.diagnostic])
        throw ExitCode(2)
      } catch let error as VerifyError {
        StandardError.diagnostics([error.diagnostic])
        throw ExitCode(2)
      }
      guard let manifestValue, let variant else { return nil }
      guard let chosen = manifestValue.variant(named: variant) else {
        let names = manifestValue.variants.map(\.name)
        let hint = Suggestion.didYouMean(variant, in: names).map { "; \($0)" } ?? ""
        StandardError.write("error: no variant '\(variant)' in '\(manifestValue.file)'\(hint)\n")
        throw ExitCode(2)
      }
      return VerificationTarget(manifest: manifestValue, variant: chosen)
    }

    private func emit(_ reports: [VerificationReport], diagnostics: [Diagnostic], packRules: [Rule])
      throws
    {
      let text: String
      switch format {
      case .text:
        if reports.isEmpty { return }
        text =
          reports.count == 1 && paths.count == 1 && reports[0].run == nil
          ? VerifyText.single(reports[0]) : VerifyText.many(reports)
      case .json:
        var object = VerifyJSON.object(reports)
        object["diagnostics"] = DiagnosticReporter.jsonObjects(diagnostics)
        text = try JSONOutput.string(object)
      case .sarif:
        let rules = BuiltInRule.all + packRules.map(RuleDescriptor.init(rule:))
        text = try JSONOutput.string(
          SARIFReport.object(reports, rules: rules, version: CPlan.configuration.version))
      }
      guard let output else {
        print(text, terminator: "")
        return
      }
      do {
        try AtomicFile.write(text, to: URL(fileURLWithPath: output))
      } catch {
        StandardError.write("error: cannot write '\(output)': \(IOReason.writing(output, error))\n")
        throw ExitCode(2)
      }
    }
  }
}
