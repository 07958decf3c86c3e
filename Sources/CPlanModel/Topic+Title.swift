
extension Topic {
  /// The heading of the topic's group in a plan.
  public var title: String {
    switch self {
    case .files: "Files"
    case .packaging: "Packaging and dependencies"
    case .startup: "Startup"
    case .settings: "Settings"
    case .routing: "Routing"
    case .request: "Requests"
    case .auth: "Authentication"
    case .validation: "Validation"
    case .errors: "Errors"
    case .serialization: "Serialization"
    case .contract: "API contract"
    case .architecture: "Architecture"
    case .database: "Database"
    case .schema: "Schema"
    case .orm: "ORM"
    case .sessions: "Sessions"
    case .transactions: "Transactions"
    case .migrations: "Migrations"
    case .async: "Async"
    case .pipeline: "Evaluation pipeline"
    }
  }
}
