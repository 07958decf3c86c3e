extension SyntheticProject {
  private var esm: Bool { framework == "hono" }
  private var ext: String { esm ? "ts" : "js" }
  private var usesSequelize: Bool { orm && defect != "missing-orm" }
  private var layered: Bool { clean && defect != "too-few-layers" }

  func nodeBase() -> [File] {
    var dependencies =
      [
        "express": "\"express\": \"^4.19.2\"", "koa": "\"koa\": \"^2.15.3\"",
        "fastify": "\"fastify\": \"^4.27.0\"", "hono": "\"hono\": \"^4.4.0\"",
      ][framework].map { [$0] } ?? []
    if usesSequelize { dependencies.append("\"sequelize\": \"^6.37.3\"") }
    if database == "postgres" {
      dependencies.append("\"pg\": \"^8.11.5\"")
      if usesSequelize { dependencies.append("\"pg-hstore\": \"^2.3.4\"") }
    } else {
      dependencies.append(
        usesSequelize ? "\"sqlite3\": \"^5.1.7\"" : "\"better-sqlite3\": \"^9.6.0\"")
    }
    dependencies.append("\"jsonwebtoken\": \"^9.0.2\"")
    let package =
      [
        "{", "  \"name\": \"conduit\",", "  \"version\": \"1.0.0\",",
        "  \"main\": \"src/index.\(ext)\",",
        "  \"scripts\": {", "    \"start\": \"node src/index.\(ext)\"", "  },",
        "  \"dependencies\": {",
      ]
      + dependencies.enumerated().map { index, line in
        "    " + line + (index == dependencies.count - 1 ? "" : ",")
      } + ["  }", "}"]
    let index = [
      importLine("app", from: esm ? "hono" : framework),
      importLine("routes", from: "./\(layered ? "routes" : "app")/index"), "",
      "const port = Number(process.env.PORT || 8080);", "console.log(`listening on ${port}`);",
    ]
    return [
      ("package.json", package), ("src/index.\(ext)", index),
      ("src/config/database.\(ext)", nodeDatabase()),
    ]
  }

  private func importLine(_ name: String, from module: String) -> String {
    esm ? "import \(name) from '\(module)';" : "const \(name) = require('\(module)');"
  }

  private func nodeDatabase() -> [String] {
    var lines: [String]
    if usesSequelize {
      let options =
        database == "postgres"
        ? "process.env.DATABASE_URL || 'postgres://user:password@postgres:5432/conduit', "
          + "{ dialect: 'postgres', logging: false }"
        : "{ dialect: 'sqlite', storage: process.env.DB_PATH || 'conduit.db', logging: false }"
      lines = [
        esm
          ? "import { Sequelize } from 'sequelize';"
          : "const { Sequelize } = require('sequelize');", "",
        "const sequelize = new Sequelize(\(options));",
      ]
    } else if database == "postgres" {
      lines = [
        esm ? "import { Pool } from 'pg';" : "const { Pool } = require('pg');", "",
        "const sequelize = new Pool({ host: process.env.DB_HOST || 'postgres', user: 'user' });",
      ]
    } else {
      lines = [
        importLine("Database", from: "better-sqlite3"), "",
        "const sequelize = new Database(process.env.DB_PATH || 'conduit.db');",
      ]
    }
    if defect == "other-database" {
      lines.append(importLine("other", from: database == "postgres" ? "sqlite3" : "pg"))
    }
    lines += ["", esm ? "export default sequelize;" : "module.exports = sequelize;"]
    return lines
  }

  func nodeEntity(_ entity: String, violate: Bool) -> [File] {
    let type = entity.prefix(1).uppercased() + entity.dropFirst()
    let body = ["class \(type)Component {"] + Self.methods(entity, python: false) + ["}"]
    let export = esm ? "export default \(type)Component;" : "module.exports = \(type)Component;"
    guard clean else {
      return [
        (
          "src/\(entity).\(ext)",
          [importLine("store", from: "./\(entity)-store"), ""] + body + [export]
        ),
        (
          "src/\(entity)-store.\(ext)",
          [importLine("db", from: "./config/database"), ""] + body + [export]
        ),
      ]
    }
    let service = layered ? "services/\(entity).service" : "lib/\(entity).logic"
    let repository = layered ? "repositories/\(entity).repository" : "lib/\(entity).data"
    var repositoryImports = [
      importLine("db", from: "../config/database"),
      importLine(type, from: "../models/\(entity).model"),
    ]
    if violate {
      repositoryImports.append(importLine("service", from: "../services/\(entity).service"))
    }
    var model = [importLine("db", from: "../config/database")]
    if usesSequelize {
      model.append(
        esm
          ? "import { DataTypes } from 'sequelize';" : "const { DataTypes } = require('sequelize');"
      )
    }
    let router =
      framework == "express"
      ? "const router = require('express').Router();"
      : framework == "koa"
        ? "const Router = require('@koa/router');"
        : framework == "hono"
          ? "import { Hono } from 'hono';" : "const fastifyPlugin = require('fastify-plugin');"
    return [
      (
        "src/routes/\(entity).routes.\(ext)",
        [router, importLine("service", from: "../\(service)"), ""] + body + [export]
      ),
      (
        "src/\(service).\(ext)",
        [importLine("repository", from: "../\(repository)"), ""] + body + [export]
      ),
      ("src/\(repository).\(ext)", repositoryImports + [""] + body + [export]),
      ("src/models/\(entity).model.\(ext)", model + [""] + body + [export]),
    ]
  }

  func lockFile() -> File {
    (
      "package-lock.json",
      [
        "{", "  \"name\": \"conduit\",", "  \"lockfileVersion\": 1,", "  \"dependencies\": {",
        "    \"pg\": {", "      \"version\": \"8.11.5\"", "    },", "    \"sqlite3\": {",
        "      \"version\": \"5.1.7\"", "    },", "    \"sequelize\": {",
        "      \"version\": \"6.37.3\"",
        "    }", "  }", "}",
      ]
    )
  }
}
