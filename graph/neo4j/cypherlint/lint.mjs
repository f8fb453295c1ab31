// lint.mjs checks Cypher statements with Neo4j's own Cypher front-end, as
// shipped in @neo4j-cypher/language-support (its lintCypherQuery runs the
// ANTLR grammar plus Neo4j's semantic analysis, compiled from Java).
//
// Input on stdin, either a JSON array of statements
//
//   [{"name": "...", "query": "...", "params": {"id": "string", ...}}]
//
// or an object that adds an optional schema (what the Go package sends):
//
//   {"schema": {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...]},
//    "statements": [...]}
//
// Output on stdout, one entry per statement, in input order:
//
//   [{"name": "...", "diagnostics": [{"severity": "error", "message": "...",
//     "line": 1, "column": 26}]}]
//
// line and column are 1-based and point at the start of the reported text.
// The target is Neo4j 5 with Cypher 5. Each statement is linted with a schema
// that declares exactly its own parameters (the linter ignores their values;
// the given type names are passed as values) and Neo4j's built-in functions and
// procedures, so that a call to anything else (APOC, GDS, a misspelled
// procedure) is an error. Checks added here on top of lintCypherQuery, with
// messages that start with "cypherlint:": an empty query, more than one
// statement in one query, a CYPHER version prefix other than 5, and a declared
// parameter that the query does not use (warning).
//
// Exit status: 0 when the statements were linted (whatever the diagnostics),
// 2 for unusable input; the reason goes to stderr.

import {
  allCypherVersions,
  lintCypherQuery,
  parseParameters,
  parseStatementsStrs,
  testData,
} from '@neo4j-cypher/language-support';

const CYPHER_VERSION = 'CYPHER 5';

// Neo4j's built-in functions and procedures. The package carries no registry
// of its own: without one, lintCypherQuery reports no unknown procedure or
// function at all, and checks neither the arguments nor the YIELD columns of a
// procedure call. It ships (as testData.mockSchema) the function and procedure
// listing of a Neo4j Enterprise server with APOC and GDS installed; the
// built-in part of it is kept here: functions flagged isBuiltIn, and the
// procedures in Neo4j's own namespaces.
function builtInRegistries() {
  const mock = testData?.mockSchema;
  const functions = mock?.functions?.[CYPHER_VERSION];
  const procedures = mock?.procedures?.[CYPHER_VERSION];
  if (!functions || !procedures) {
    throw new Error(
      'this version of @neo4j-cypher/language-support ships no function/procedure listing (testData.mockSchema); lint.mjs needs updating',
    );
  }
  const ownNamespace = /^(db|dbms|tx|cdc)\./;
  return {
    functions: {
      [CYPHER_VERSION]: Object.fromEntries(
        Object.entries(functions).filter(([, fn]) => fn.isBuiltIn === true),
      ),
    },
    procedures: {
      [CYPHER_VERSION]: Object.fromEntries(
        Object.entries(procedures).filter(([name]) => ownNamespace.test(name)),
      ),
    },
  };
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function fail(message) {
  process.stderr.write(`lint.mjs: ${message}\n`);
  process.exit(2);
}

function stringList(value, what) {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    fail(`${what} must be an array of strings`);
  }
  return value;
}

function baseSchema(schema) {
  if (schema === undefined || schema === null) schema = {};
  if (typeof schema !== 'object' || Array.isArray(schema)) {
    fail('schema must be an object');
  }
  const base = { defaultLanguage: CYPHER_VERSION, ...builtInRegistries() };
  const labels = stringList(schema.labels, 'schema.labels');
  const relTypes = stringList(
    schema.relationshipTypes,
    'schema.relationshipTypes',
  );
  // The linter warns about unknown labels and relationship types only when
  // both lists are given; declaring one of them means the other is empty.
  if (labels || relTypes) {
    base.labels = labels ?? [];
    base.relationshipTypes = relTypes ?? [];
  }
  const propertyKeys = stringList(schema.propertyKeys, 'schema.propertyKeys');
  if (propertyKeys) base.propertyKeys = propertyKeys;
  return base;
}

function ourDiagnostic(severity, message) {
  return { severity, message: `cypherlint: ${message}`, line: 1, column: 1 };
}

// Strips comments so that a trailing "; // note" does not count as a statement.
function withoutComments(text) {
  return text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim();
}

function lintStatement(stmt, index, base) {
  if (stmt === null || typeof stmt !== 'object' || Array.isArray(stmt)) {
    fail(`statement ${index} must be an object`);
  }
  const { name = '', query, params = {} } = stmt;
  if (typeof name !== 'string') fail(`statement ${index}: name must be a string`);
  if (typeof query !== 'string') fail(`statement ${index} (${name}): query must be a string`);
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    fail(`statement ${index} (${name}): params must be an object`);
  }
  if (query.trim() === '') {
    return { name, diagnostics: [ourDiagnostic('error', 'the query is empty')] };
  }

  const parameters = {};
  for (const [key, type] of Object.entries(params)) {
    // Only whether a key is present matters to the linter (undefined would
    // count as not declared).
    parameters[key] = type ?? 'any';
  }
  const { diagnostics } = lintCypherQuery(
    query,
    { ...base, parameters },
    { consoleCommandsEnabled: false },
  );
  const out = diagnostics.map((d) => ({
    severity: SEVERITY[d.severity] ?? String(d.severity ?? 'error'),
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
  }));

  const statements = parseStatementsStrs(query).filter(
    (s) => withoutComments(s).replace(/;$/, '').trim() !== '',
  );
  if (statements.length > 1) {
    out.push(
      ourDiagnostic(
        'error',
        `the query holds ${statements.length} statements; the driver runs exactly one statement per query`,
      ),
    );
  }

  const version = /^\s*(?:(?:\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)\s*)*CYPHER\s+(\d+)\b/i.exec(query);
  // An unknown version number is reported by the linter itself.
  if (version && version[1] !== '5' && allCypherVersions.includes(`CYPHER ${version[1]}`)) {
    out.push(
      ourDiagnostic(
        'error',
        `the query selects CYPHER ${version[1]}, but the target is Neo4j 5 with Cypher 5`,
      ),
    );
  }

  const used = new Set(parseParameters(query, false));
  for (const key of Object.keys(parameters)) {
    if (!used.has(key)) {
      out.push(
        ourDiagnostic('warning', `parameter $${key} is declared but the query does not use it`),
      );
    }
  }
  return { name, diagnostics: out };
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const text = await readStdin();
let input;
try {
  input = JSON.parse(text);
} catch (err) {
  fail(`stdin is not JSON: ${err.message}`);
}
let statements;
let schema;
if (Array.isArray(input)) {
  statements = input;
} else if (input !== null && typeof input === 'object' && Array.isArray(input.statements)) {
  statements = input.statements;
  schema = input.schema;
} else {
  fail('stdin must be a JSON array of statements or {"schema": {...}, "statements": [...]}');
}

const base = baseSchema(schema);
const results = statements.map((stmt, i) => lintStatement(stmt, i, base));
process.stdout.write(JSON.stringify(results) + '\n');
