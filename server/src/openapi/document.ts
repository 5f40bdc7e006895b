import { ErrorReply, TokenScope } from '@cascade/shared';
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/cookies.ts';
import { scopeFor } from '../integrations/token-scopes.ts';
import { components, namedSchemas } from './components.ts';
import type { DescribedRoute, Reply } from './route-doc.ts';

export type JsonSchema = z.core.JSONSchema.BaseSchema;
type Json = Record<string, unknown>;

export type Operation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
  security: ReadonlyArray<Readonly<Record<string, readonly string[]>>>;
  'x-cascade-role'?: string;
  'x-cascade-token-scope'?: string;
};

export type OpenApiDocument = {
  openapi: '3.1.1';
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, Json>;
    securitySchemes: Record<string, Json>;
  };
};

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
  503: 'Not ready',
};

const ref = (name: string) => `#/components/schemas/${name}`;

/**
 * Turns zod schemas into the description's JSON Schemas (draft 2020-12, OpenAPI 3.1's dialect).
 * Records named in components.ts become `#/components/schemas/*`; a request's form of one that
 * differs from its answer's (defaults, optional fields) is named with `Input`.
 */
function schemaConverter() {
  const schemas: Record<string, JsonSchema> = {};
  const ids = new Set<string>();
  let anonymous = 0;

  function rewrite(value: unknown, names: Record<string, string>): unknown {
    if (Array.isArray(value)) return value.map((v) => rewrite(v, names));
    if (!value || typeof value !== 'object') return value;
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
        const id = v.slice('#/$defs/'.length);
        out[k] = ref(names[id] ?? id);
      } else out[k] = rewrite(v, names);
    }
    return out;
  }

  function convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, { metadata: components, io, unrepresentable: 'any' }) as JsonSchema;
    const { $schema: _s, $defs, ...root } = json;
    const defs = $defs ?? {};
    const names: Record<string, string> = {};
    for (const id of Object.keys(defs)) {
      const component = namedSchemas.get(id);
      if (!component) names[id] = `Schema${++anonymous}`;
      else if (io === 'output') names[id] = id;
      else {
        // The answer's form of the record is the name; the request's differs only if it must.
        if (!ids.has(id)) convert(component, 'output');
        const same = JSON.stringify(rewrite(defs[id], {})) === JSON.stringify(rewrite(schemas[id], {}));
        names[id] = same ? id : `${id}Input`;
      }
    }
    for (const [id, def] of Object.entries(defs)) {
      const name = names[id] ?? id;
      if (name === id && io === 'output') ids.add(id);
      if (!schemas[name]) schemas[name] = rewrite(def, names) as JsonSchema;
    }
    return rewrite(root, names) as JsonSchema;
  }
  return { convert, schemas };
}

/** `/api/tickets/:ticketId` as OpenAPI writes it: `/api/tickets/{ticketId}`. */
export const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

function operationId(method: string, url: string): string {
  const words = url
    .split('/')
    .filter((s) => s && s !== 'api')
    .map((s) => (s.startsWith(':') ? `By-${s.slice(1)}` : s))
    .flatMap((s) => s.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** In words, who may call the route: the guard's rule for its config, and whether a token may. */
function whoMayCall(route: DescribedRoute, scope: string | null): string {
  const { role, site, siteOptional } = route.config;
  if (!role) return 'Public: no session needed.';
  const where = site === 'query' ? 'in the query' : 'in the body';
  let who =
    role === 'agent' && !site
      ? 'Any signed-in agent; it reaches only their own account and the sites they belong to.'
      : `Needs the **${role}** role (or higher) on the site named by \`siteId\` ${where}.`;
  if (siteOptional) who += ' Without `siteId`, the server picks among the caller’s own sites.';
  const token = scope
    ? ` API tokens with the \`${scope}\` scope may call it.`
    : ' Not open to API tokens: people only.';
  return who + token;
}

function content(reply: Reply, convert: (s: z.ZodType) => JsonSchema): Json | undefined {
  if (reply === null) return undefined;
  if ('_zod' in reply) return { 'application/json': { schema: convert(reply as z.ZodType) } };
  return Object.fromEntries(
    Object.entries(reply as Record<string, z.ZodType>).map(([type, s]) => [type, { schema: convert(s) }]),
  );
}

function parameters(schema: z.ZodType, where: 'path' | 'query', convert: (s: z.ZodType) => JsonSchema): Json[] {
  const json = convert(schema);
  const props = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(json.required ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
  }));
}

/**
 * The OpenAPI 3.1 description of every route the catalogue collected, built from the routes'
 * own zod schemas: requests in their input form, answers in their output form.
 */
export function openApiDocument(routes: readonly DescribedRoute[], version: string): OpenApiDocument {
  const { convert, schemas } = schemaConverter();
  const input = (s: z.ZodType) => convert(s, 'input');
  const output = (s: z.ZodType) => convert(s, 'output');
  const paths: OpenApiDocument['paths'] = {};
  const tags = new Set<string>();
  const ids = new Set<string>();
  const sorted = [...routes].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));

  for (const route of sorted) {
    const { doc, config } = route;
    const tag = route.url.split('/').filter(Boolean)[route.url.startsWith('/api/') ? 1 : 0] ?? 'other';
    tags.add(tag);
    const scope = config.role ? scopeFor(route.method, route.url) : null;
    const id = operationId(route.method, route.url);
    if (ids.has(id)) throw new Error(`two routes make the operation id ${id}`);
    ids.add(id);
    const responses: Operation['responses'] = {};
    for (const [status, reply] of Object.entries(doc.response)) {
      const body = content(reply, output);
      responses[status] = { description: STATUS_TEXT[Number(status)] ?? 'Answer', ...(body ? { content: body } : {}) };
    }
    responses.default = { $ref: '#/components/responses/Error' };
    const viaSession: Record<string, string[]> = route.method === 'GET' ? { session: [] } : { session: [], csrf: [] };
    const op: Operation = {
      operationId: id,
      summary: doc.summary,
      description: [doc.description, whoMayCall(route, scope)].filter(Boolean).join('\n\n'),
      tags: [tag],
      responses,
      security: doc.security ?? (config.role ? [viaSession, ...(scope ? [{ apiToken: [scope] }] : [])] : []),
      ...(config.role ? { 'x-cascade-role': config.role } : {}),
      ...(scope ? { 'x-cascade-token-scope': scope } : {}),
    };
    const params = [
      ...(doc.params ? parameters(doc.params, 'path', input) : []),
      ...(doc.query ? parameters(doc.query, 'query', input) : []),
    ];
    if (params.length > 0) op.parameters = params;
    if (doc.body) op.requestBody = { required: true, content: { 'application/json': { schema: input(doc.body) } } };
    (paths[openApiPath(route.url)] ??= {})[route.method.toLowerCase()] = op;
  }

  // Converted last, so that the records named above are all in place.
  const error = output(ErrorReply);
  return {
    openapi: '3.1.1',
    info: {
      title: 'Cascade REST API',
      version,
      description: [
        'The REST API of a Cascade server: what the agent console uses, and what integrations call with API tokens.',
        'Every error answers `{ "error": { "code", "message" } }` with a matching status.',
        'Signed-in people send the session cookie, and on every call but GET the `X-Cascade-CSRF` header (the `csrfToken` that login and `GET /api/auth/me` answer). Integrations send `Authorization: Bearer <token>`; a token acts on its one site, on the routes its scopes open.',
      ].join('\n\n'),
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      responses: {
        Error: { description: 'An error', content: { 'application/json': { schema: error } } },
      },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'The session cookie that `POST /api/auth/login` sets.',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Cascade-CSRF',
          description:
            'With the session cookie, every call but GET also sends the session’s `csrfToken` in this header.',
        },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description: `An API token a site’s admin created, with scopes among: ${TokenScope.options.map((s) => `\`${s}\``).join(', ')}. No CSRF header is needed.`,
        },
        metricsToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'METRICS_TOKEN, for Prometheus.',
        },
        inboundSecret: {
          type: 'http',
          scheme: 'bearer',
          description: 'INBOUND_SECRET, for a mail provider’s inbound webhook.',
        },
      },
    },
  };
}
