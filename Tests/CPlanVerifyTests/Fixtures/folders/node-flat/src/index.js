const express = require('express');
const db = require('./db');

const app = express();
app.get('/api/tags', (req, res) => res.json({ tags: db.prepare('SELECT name FROM tags').all().map((t) => t.name) }));
app.listen(8080);
