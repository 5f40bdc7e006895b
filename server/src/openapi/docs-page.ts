import type { JsonSchema, OpenApiDocument, Operation } from './document.ts';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The little Markdown the descriptions use: paragraphs, `code` and **bold**. */
const prose = (text: string) =>
  text
    .split(/\n\n+/)
    .map(
      (p) =>
        `<p>${escape(p)
          .replace(/`([^`]+)`/g, '<code>$1</code>')
          .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')}</p>`,
    )
    .join('');

const anchor = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '-');

/** A JSON Schema as a TypeScript-like type, in HTML, with named records linked. */
function typeOf(s: JsonSchema | boolean | undefined, indent = ''): string {
  if (s === undefined || s === true) return 'any';
  if (s === false) return 'never';
  if (typeof s.$ref === 'string') {
    const name = s.$ref.split('/').pop() ?? '';
    return `<a href="#schema-${anchor(name)}">${escape(name)}</a>`;
  }
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map((u) => typeOf(u, indent)).join(' | ');
  if (s.const !== undefined) return escape(JSON.stringify(s.const));
  if (s.enum) return s.enum.map((v) => escape(JSON.stringify(v))).join(' | ');
  if (Array.isArray(s.type)) return s.type.map((t) => typeOf({ ...s, type: t }, indent)).join(' | ');
  switch (s.type) {
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (props.length === 0) {
        const value = typeof s.additionalProperties === 'object' ? typeOf(s.additionalProperties, indent) : 'any';
        const key = s.propertyNames && typeof s.propertyNames === 'object' ? typeOf(s.propertyNames, indent) : 'string';
        return `Record&lt;${key}, ${value}&gt;`;
      }
      const required = new Set(s.required ?? []);
      const inner = `${indent}  `;
      const lines = props.map(([k, v]) => {
        const def = typeof v === 'object' && v.default !== undefined ? ` = ${escape(JSON.stringify(v.default))}` : '';
        return `${inner}${escape(k)}${required.has(k) ? '' : '?'}: ${typeOf(v, inner)}${def};`;
      });
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
    case 'array': {
      const item = typeOf(s.items as JsonSchema | undefined, indent);
      return item.includes(' | ') ? `(${item})[]` : `${item}[]`;
    }
    case 'string':
      return s.format ? `string <span class="note">(${escape(s.format)})</span>` : 'string';
    case 'integer':
    case 'number':
    case 'boolean':
    case 'null':
      return s.type;
    default:
      return 'any';
  }
}

function contentOf(c: unknown): string {
  const types = Object.entries((c ?? {}) as Record<string, { schema?: JsonSchema }>);
  return types
    .map(([type, { schema }]) => `<div class="media">${escape(type)}</div><pre>${typeOf(schema)}</pre>`)
    .join('');
}

function operation(path: string, method: string, op: Operation): string {
  const params = op.parameters ?? [];
  const rows = params
    .map((p) => {
      const {
        name,
        in: where,
        required,
        schema,
      } = p as {
        name: string;
        in: string;
        required: boolean;
        schema: JsonSchema;
      };
      return `<tr><td><code>${escape(name)}</code></td><td>${escape(where)}</td><td>${required ? 'yes' : 'no'}</td><td><code>${typeOf(schema)}</code></td></tr>`;
    })
    .join('');
  const body = op.requestBody ? `<h4>Body</h4>${contentOf((op.requestBody as { content: unknown }).content)}` : '';
  const answers = Object.entries(op.responses)
    .filter(([status]) => status !== 'default')
    .map(([status, r]) => {
      const { description, content } = r as { description: string; content?: unknown };
      return `<h4>${escape(status)} ${escape(description)}</h4>${content ? contentOf(content) : ''}`;
    })
    .join('');
  return `<section class="op" id="${anchor(op.operationId)}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
<p class="summary">${escape(op.summary)}</p>${prose(op.description)}
${rows ? `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Required</th><th>Type</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${body}${answers}<p class="note">Errors: <a href="#errors">the error answer</a>.</p>
</section>`;
}

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d2430; background: #fff; }
main { max-inline-size: 60rem; margin-inline: auto; padding: 1rem 1.5rem 4rem; }
nav ul { columns: 3 12rem; padding-inline-start: 1.2rem; }
h2 { margin-block-start: 2.5rem; border-block-end: 1px solid #d5dae1; }
.op { border: 1px solid #d5dae1; border-radius: 6px; padding: 0.5rem 1rem; margin-block: 1rem; }
.op h3 { font-size: 1.05rem; margin-block: 0.5rem; }
.summary { font-weight: 600; }
.method { display: inline-block; min-inline-size: 4.5rem; text-align: center; border-radius: 4px; color: #fff; background: #3a4a5f; font-size: 0.85rem; padding-block: 0.1rem; }
.get { background: #1f6f43; } .post { background: #1d4f91; } .put, .patch { background: #8a5a00; } .delete { background: #a12828; }
pre { background: #f4f6f8; padding: 0.6rem; overflow-x: auto; font-size: 0.85rem; }
code { font-size: 0.9em; }
table { border-collapse: collapse; font-size: 0.9rem; }
td, th { border: 1px solid #d5dae1; padding: 0.2rem 0.5rem; text-align: start; vertical-align: top; }
.note, .media { color: #5a6472; font-size: 0.85rem; }
`;

/**
 * The description as one page of plain HTML, rendered on the server from the same document as
 * `/api/openapi.json`: no script (the strict CSP allows none inline), no stylesheet to fetch.
 */
export function docsPage(doc: OpenApiDocument): string {
  const byTag = new Map<string, Array<[string, string, Operation]>>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), [path, method, op]]);
    }
  }
  const tags = [...byTag.keys()].sort();
  const schemes = Object.entries(doc.components.securitySchemes)
    .map(
      ([name, s]) =>
        `<li><strong>${escape(name)}</strong>: ${prose(typeof s.description === 'string' ? s.description : '')}</li>`,
    )
    .join('');
  const sections = tags
    .map(
      (tag) =>
        `<h2 id="tag-${anchor(tag)}">${escape(tag)}</h2>${(byTag.get(tag) ?? []).map(([p, m, op]) => operation(p, m, op)).join('')}`,
    )
    .join('');
  const schemas = Object.entries(doc.components.schemas)
    .map(([name, s]) => `<h3 id="schema-${anchor(name)}">${escape(name)}</h3><pre>${typeOf(s)}</pre>`)
    .join('');
  const error = doc.components.responses.Error as { content: unknown };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)} ${escape(doc.info.version)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escape(doc.info.title)} <span class="note">${escape(doc.info.version)}, OpenAPI ${escape(doc.openapi)}</span></h1>
${prose(doc.info.description)}
<p>The machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<h2 id="auth">Authentication</h2><ul>${schemes}</ul>
<h2 id="errors">Errors</h2>${contentOf(error.content)}
<nav aria-label="Routes"><h2>Routes</h2><ul>${tags.map((t) => `<li><a href="#tag-${anchor(t)}">${escape(t)}</a></li>`).join('')}<li><a href="#schemas">Schemas</a></li></ul></nav>
${sections}
<h2 id="schemas">Schemas</h2>
${schemas}
</main>
</body>
</html>
`;
}
