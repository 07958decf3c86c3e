import CPlanModel

/// Search words for plan topics, used to find the documentation a topic is about.
enum TopicWords {
  static func query(for topic: Topic) -> String {
    switch topic {
    case .files: "file project layout settings module"
    case .packaging: "install requirements dependency package version"
    case .startup: "server run startup host port deploy"
    case .settings: "setting default configuration"
    case .routing: "url route path trailing slash redirect"
    case .request: "request body query parameter form json"
    case .auth: "authentication header token csrf permission"
    case .validation: "validation invalid error field"
    case .errors: "error exception status response 404 500"
    case .serialization: "json serialize response encoder"
    case .contract: "response status header content type"
    case .architecture: "application structure module layer"
    case .database: "database engine connection backend"
    case .schema: "create table schema model metadata"
    case .orm: "model query orm mapping"
    case .sessions: "session commit rollback transaction"
    case .transactions: "transaction atomic commit rollback"
    case .migrations: "migration migrate schema"
    case .async: "async await asynchronous event loop"
    case .pipeline: "deploy run server command"
    }
  }
}
