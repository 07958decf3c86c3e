/// The files of one generated project for `SyntheticPatches`.
struct SyntheticProject {
  var framework: String
  var node: Bool
  var clean: Bool
  var database: String
  var orm: Bool
  var constrainedDatabase: Bool
  var defect: String?

  typealias File = (path: String, lines: [String])

  /// Whether the code really uses the ORM (a `missing-orm` defect drops it).
  private var usesORM: Bool { orm && defect != "missing-orm" }
  /// Whether the services and repositories layers are folded into one non-layer folder.
  private var fewLayers: Bool { defect == "too-few-layers" }

  func files(target: Int, entities: [String], random: inout SplitMix64) -> [File] {
    var files = node ? nodeBase() : pythonBase()
    let perEntity = clean ? 4 : 2
    let count = min(entities.count, max(1, (target - files.count + perEntity - 1) / perEntity))
    let start = random.below(entities.count)
    for offset in 0..<count {
      let entity = entities[(start + offset) % entities.count]
      let violate = defect == "layer-import" && offset == 0
      files += node ? nodeEntity(entity, violate: violate) : pythonEntity(entity, violate: violate)
    }
    if node, random.below(10) < 3 { files.append(lockFile()) }
    return files
  }

  // MARK: - Python

  private func pythonBase() -> [File] {
    var requirements = [
      framework == "flask"
        ? "flask==3.0.3"
        : framework == "fastapi"
          ? "fastapi==0.110.0"
          : "aiohttp==3.9.5"
    ]
    if framework == "fastapi" { requirements.append("uvicorn==0.29.0") }
    if usesORM { requirements.append("sqlalchemy==2.0.30") }
    if database == "postgres" { requirements.append("psycopg2-binary==2.9.9") }
    requirements.append("pyjwt==2.8.0")
    let run = ["#!/usr/bin/env bash", "set -e", "exec python -m app.main --port 8080"]
    let main = [
      "import os", "", "from app.\(clean ? "routes" : "views") import register", "",
      "", "def create_app():", "    app = register()", "    return app", "", "",
      "if __name__ == \"__main__\":", "    create_app()",
    ]
    var files: [File] = [
      ("requirements.txt", requirements), ("run.sh", run), ("app/main.py", main),
      (dbFolder + "/session.py", pythonDatabase()),
    ]
    if clean, usesORM {
      files.append(
        (
          "app/models/base.py",
          [
            "from sqlalchemy.orm import DeclarativeBase", "", "", "class Base(DeclarativeBase):",
            "    pass",
          ]
        ))
    }
    return files
  }

  private var dbFolder: String { clean && !fewLayers ? "app/db" : "app/core" }

  private func pythonDatabase() -> [String] {
    var lines = ["import os", ""]
    if usesORM {
      let url =
        database == "postgres"
        ? "postgresql+psycopg2://user:password@postgres:5432/conduit" : "sqlite:///./conduit.db"
      lines += [
        "from sqlalchemy import create_engine", "from sqlalchemy.orm import sessionmaker", "",
        "DATABASE_URL = os.environ.get(\"DATABASE_URL\", \"\(url)\")",
        "engine = create_engine(DATABASE_URL)",
        "SessionLocal = sessionmaker(bind=engine, autoflush=False)",
      ]
    } else if database == "postgres" {
      lines += [
        "import psycopg2", "", "", "def get_connection():",
        "    return psycopg2.connect(host=\"postgres\", user=\"user\", password=\"password\")",
      ]
    } else {
      lines += [
        "import sqlite3", "", "DB_PATH = os.environ.get(\"DB_PATH\", \"conduit.db\")", "", "",
        "def get_connection():", "    return sqlite3.connect(DB_PATH)",
      ]
    }
    if defect == "other-database" {
      lines.append(database == "postgres" ? "import sqlite3" : "import psycopg2")
    }
    return lines
  }

  private func pythonEntity(_ entity: String, violate: Bool) -> [File] {
    let type = entity.prefix(1).uppercased() + entity.dropFirst()
    let model = "from app.models.\(entity) import \(type)"
    let body = Self.methods(entity, python: true)
    guard clean else {
      return [
        (
          "app/\(entity)_views.py",
          [
            "from app.\(entity)_store import \(type)Store", "", "", "class \(type)View:",
          ] + body
        ),
        (
          "app/\(entity)_store.py",
          [
            "from app.core.session import get_connection", "", "",
            "class \(type)Store:",
          ] + body
        ),
      ]
    }
    let services = fewLayers ? "app/core/\(entity)_logic.py" : "app/services/\(entity)_service.py"
    let repositories =
      fewLayers
      ? "app/core/\(entity)_data.py"
      : "app/repositories/\(entity)_repository.py"
    let serviceModule = services.dropLast(3).replacingOccurrences(of: "/", with: ".")
    let repositoryModule = repositories.dropLast(3).replacingOccurrences(of: "/", with: ".")
    var repository = [
      model,
      "from \(dbFolder.replacingOccurrences(of: "/", with: ".")).session import "
        + (usesORM ? "SessionLocal" : "get_connection"),
    ]
    if usesORM { repository.insert("from sqlalchemy import select", at: 0) }
    if violate { repository.append("from \(serviceModule) import \(type)Service") }
    let routeImport: String
    switch framework {
    case "flask": routeImport = "from flask import Blueprint, jsonify, request"
    case "fastapi": routeImport = "from fastapi import APIRouter, HTTPException"
    default: routeImport = "from aiohttp import web"
    }
    var modelLines =
      usesORM
      ? [
        "from sqlalchemy import Column, Integer, String", "from app.models.base import Base", "",
        "",
        "class \(type)(Base):", "    __tablename__ = \"\(entity)s\"",
        "    id = Column(Integer, primary_key=True)", "    name = Column(String(120))",
      ]
      : [
        "from dataclasses import dataclass", "", "", "@dataclass", "class \(type):",
        "    id: int", "    name: str",
      ]
    modelLines += [""] + Self.methods(entity, python: true).prefix(8)
    return [
      (
        "app/routes/\(entity)_routes.py",
        [
          routeImport, "", "from \(serviceModule) import \(type)Service",
          "", "", "class \(type)Routes:",
        ] + body
      ),
      (
        services,
        [
          model, "from \(repositoryModule) import \(type)Repository", "", "",
          "class \(type)Service:",
        ] + body
      ),
      (repositories, repository + ["", "", "class \(type)Repository:"] + body),
      ("app/models/\(entity).py", modelLines),
    ]
  }

  /// Five CRUD methods, about 35 lines.
  static func methods(_ entity: String, python: Bool) -> [String] {
    var lines: [String] = []
    for verb in ["get", "list", "create", "update", "delete"] {
      if python {
        lines += [
          "    def \(verb)_\(entity)(self, payload=None, \(entity)_id=None):",
          "        data = dict(payload or {})", "        if \(entity)_id is not None:",
          "            data[\"id\"] = \(entity)_id", "        result = {\"\(entity)\": data}",
          "        return result", "",
        ]
      } else {
        lines += [
          "  async \(verb)\(entity.prefix(1).uppercased() + entity.dropFirst())"
            + "(payload = {}, id = null) {",
          "    const data = { ...payload };", "    if (id !== null) {", "      data.id = id;",
          "    }", "    return { \(entity): data };", "  }",
        ]
      }
    }
    return lines
  }
}
