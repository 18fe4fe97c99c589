#!/usr/bin/env node
// Lints Cypher with @neo4j-cypher/language-support (Neo4j's parser and semantic analyser).
//
//   node lint.mjs FILE.cypher...   lint files; prints file:line:col: message; exit 1 on any
//   node lint.mjs --json < items   items: {"schema": {...}, "statements": [{"name", "statement",
//                                  "parameters"?}]}; prints [{"name", "diagnostics"}] as JSON
//
// Parameters a statement may use are its "parameters" (names) or, for saved queries, the
// `// :param name => value` lines of its header comment (Neo4j Browser's :param command).
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const PARAM_LINE = /^\s*\/\/\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>/gm;

function declaredParameters(text) {
  return [...text.matchAll(PARAM_LINE)].map((match) => match[1]);
}

function lint({ statement, parameters }, schema) {
  const names = parameters ?? declaredParameters(statement);
  const dbSchema = { ...schema, parameters: Object.fromEntries(names.map((name) => [name, null])) };
  return lintCypherQuery(statement, dbSchema, { consoleCommandsEnabled: false }).diagnostics.map(
    (d) => ({
      severity: d.severity === 1 ? 'error' : 'warning',
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      message: d.message,
    }),
  );
}

if (process.argv[2] === '--json') {
  const input = JSON.parse(readFileSync(0, 'utf8'));
  const results = input.statements.map((item) => ({
    name: item.name,
    diagnostics: lint(item, input.schema ?? {}),
  }));
  process.stdout.write(JSON.stringify(results));
} else {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node lint.mjs FILE.cypher... | node lint.mjs --json < items.json');
    process.exit(2);
  }
  let problems = 0;
  for (const file of files) {
    for (const d of lint({ statement: readFileSync(file, 'utf8') }, {})) {
      problems += 1;
      console.log(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
    }
  }
  console.log(`${files.length} files, ${problems} problems`);
  process.exit(problems ? 1 : 0);
}
