/// Generates realistic agent patches with a known verdict, for benchmarks and tests: Python
/// (Flask, FastAPI, aiohttp) and Node (Express, Koa, Fastify, Hono) projects of 5–40 files in
/// the layouts agents write, for the paper's ten constraint sets, some with one planted defect
/// (a lower layer importing a higher one, the other database engine, a missing ORM, too few
/// layers). Deterministic for a seed.
public struct SyntheticPatches {
  /// One generated patch.
  public struct Item: Sendable {
    /// A file name for it, e.g. `0007-flask.patch`.
    public var fileName: String
    /// The task name it answers, e.g. `flask-openapi-clean_architecture-sqlite`.
    public var task: String
    /// The patch text.
    public var patch: String
    /// How many files it touches.
    public var fileCount: Int
    /// The planted defect, or nil when the patch should pass.
    public var defect: String?
  }

  /// The constraint sets of the paper, as task-name tokens (`orm` stands for the runtime's ORM).
  static let constraintSets: [[String]] = [
    [], ["clean_architecture"], ["sqlite"], ["postgres"], ["clean_architecture", "sqlite"],
    ["clean_architecture", "postgres"], ["sqlite", "orm"], ["postgres", "orm"],
    ["clean_architecture", "sqlite", "orm"], ["clean_architecture", "postgres", "orm"],
  ]

  static let frameworks = ["flask", "fastapi", "aiohttp", "express", "koa", "fastify", "hono"]
  static let entities = [
    "user", "article", "comment", "tag", "profile", "favorite", "follow", "session", "bookmark",
    "category", "author", "feed", "token", "image",
  ]

  /// Generates `count` patches from `seed`.
  public static func generate(count: Int, seed: UInt64 = 42) -> [Item] {
    var random = SplitMix64(seed: seed)
    return (0..<count).map { index in item(index, &random) }
  }

  private static func item(_ index: Int, _ random: inout SplitMix64) -> Item {
    let framework = frameworks[random.below(frameworks.count)]
    let node = ["express", "koa", "fastify", "hono"].contains(framework)
    let set = constraintSets[random.below(constraintSets.count)]
    let orm = node ? "sequelize" : "sqlalchemy"
    let tokens = set.map { $0 == "orm" ? orm : $0 }
    var project = SyntheticProject(
      framework: framework, node: node, clean: set.contains("clean_architecture"),
      database: set.contains("postgres") ? "postgres" : "sqlite", orm: set.contains("orm"),
      constrainedDatabase: set.contains("postgres") || set.contains("sqlite"))
    var defects: [String] = []
    if project.clean { defects += ["layer-import", "too-few-layers"] }
    if project.constrainedDatabase { defects.append("other-database") }
    if project.orm { defects.append("missing-orm") }
    let defect =
      !defects.isEmpty && random.below(10) < 3 ? defects[random.below(defects.count)] : nil
    project.defect = defect
    let target = 5 + random.below(36)
    let files = project.files(target: target, entities: entities, random: &random)
    var patch = ""
    for (offset, file) in files.enumerated() {
      let modified = offset > 0 && offset % 5 == 0 && !file.path.hasSuffix(".json")
      patch += modified ? modification(file.path, file.lines) : addition(file.path, file.lines)
    }
    let name = String(repeating: "0", count: max(0, 4 - String(index).count)) + "\(index)"
    return Item(
      fileName: "\(name)-\(framework).patch",
      task: "\(framework)-openapi-"
        + (tokens.isEmpty ? "unconstrained" : tokens.joined(separator: "-")),
      patch: patch, fileCount: files.count, defect: defect)
  }

  /// A new file, as `git diff` writes it.
  static func addition(_ path: String, _ lines: [String]) -> String {
    var out = "diff --git a/\(path) b/\(path)\nnew file mode 100644\nindex 0000000..\(hash(path))\n"
    out += "--- /dev/null\n+++ b/\(path)\n@@ -0,0 +1,\(lines.count) @@\n"
    for line in lines { out += "+\(line)\n" }
    return out
  }

  /// A modified file: an old header replaced by the new lines, with context around.
  static func modification(_ path: String, _ lines: [String]) -> String {
    let context = ["", "# generated", ""]
    let removed = ["# TODO: implement", "pass"]
    var out = "diff --git a/\(path) b/\(path)\nindex \(hash(path + "old"))..\(hash(path)) 100644\n"
    out += "--- a/\(path)\n+++ b/\(path)\n"
    out += "@@ -1,\(context.count + removed.count) +1,\(context.count + lines.count) @@\n"
    for line in context.prefix(1) { out += " \(line)\n" }
    for line in removed { out += "-\(line)\n" }
    for line in lines { out += "+\(line)\n" }
    for line in context.dropFirst() { out += " \(line)\n" }
    return out
  }

  private static func hash(_ text: String) -> String {
    var value: UInt64 = 1_469_598_103_934_665_603
    for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 1_099_511_628_211 }
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 7 - hex.count)) + hex.prefix(7)
  }
}

/// A small, fast, seedable generator (SplitMix64).
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
