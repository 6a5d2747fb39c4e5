/**
 * The layers of the code and the rules between them, as data a test can check
 * against the real imports (tests/unit/layering.test.ts) and against planted
 * faults. Paths are relative to the project root, with forward slashes.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** A layer: the files it holds and its floor. A file may import only from lower floors or its own layer. */
export interface Layer {
  name: string;
  floor: number;
  /** True for a file of this layer. */
  holds: (path: string) => boolean;
  /** Runs in the browser (or may): never reaches build-only code. */
  browserSafe: boolean;
}

const under = (folder: string) => (path: string) => path.startsWith(`${folder}/`);
const oneOf =
  (...files: string[]) =>
  (path: string) =>
    files.includes(path);

/** From the ground up. The first layer that holds a file is its layer. */
const LAYERS: readonly Layer[] = [
  {
    name: 'ports',
    floor: 0,
    holds: oneOf('src/lib/ports.ts', 'src/lib/port-lookup.ts'),
    browserSafe: true,
  },
  { name: 'schemas', floor: 1, holds: under('src/schemas'), browserSafe: true },
  {
    name: 'ground',
    floor: 2,
    holds: oneOf(
      'src/lib/model.ts',
      'src/lib/json.ts',
      'src/lib/visible-text.ts',
      'src/lib/xml.ts',
      'src/lib/lang.ts',
      'src/lib/texts.ts',
    ),
    browserSafe: true,
  },
  { name: 'firewall', floor: 3, holds: under('src/lib/firewall'), browserSafe: true },
  { name: 'url', floor: 4, holds: under('src/lib/url'), browserSafe: true },
  { name: 'ui', floor: 5, holds: under('src/lib/ui'), browserSafe: true },
  { name: 'checks', floor: 5, holds: under('src/lib/checks'), browserSafe: true },
  { name: 'content', floor: 6, holds: under('src/lib/content'), browserSafe: false },
  { name: 'site', floor: 6, holds: under('src/lib/site'), browserSafe: false },
  { name: 'feeds', floor: 7, holds: under('src/lib/feeds'), browserSafe: false },
  { name: 'diagram', floor: 7, holds: under('src/lib/diagram'), browserSafe: false },
  {
    name: 'wiring',
    floor: 8,
    holds: (path) =>
      path.startsWith('src/integrations/') ||
      path === 'src/content.config.ts' ||
      path === 'src/route-data.ts',
    browserSafe: false,
  },
  { name: 'client', floor: 9, holds: under('src/client'), browserSafe: true },
  {
    name: 'components',
    floor: 10,
    holds: (path) => path.startsWith('src/components/') || path.startsWith('src/pages/'),
    browserSafe: false,
  },
];

export function layerOf(path: string): Layer | undefined {
  return LAYERS.find((layer) => layer.holds(path));
}

/** One import: who imports what, as written and as resolved to a project file (if it is one). */
export interface ImportEdge {
  from: string;
  specifier: string;
  /** The project file the specifier names, without query; undefined for packages and built-ins. */
  to?: string | undefined;
  /** Imports types only, which the compiler erases: nothing of it reaches the browser. */
  typeOnly?: boolean;
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s*(type\s+)?([\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** One import as written: its specifier, and whether it brings types only. */
export interface ImportStatement {
  specifier: string;
  typeOnly: boolean;
}

/** The imports in a file's source: static, dynamic and re-exports, type-only ones marked. */
export function importStatements(source: string): ImportStatement[] {
  return [...source.matchAll(IMPORT)].map((match) => {
    const names = match[2]?.replace(/\s+from\s+$/, '').trim() ?? '';
    const braced = /^\{([^}]*)\}$/.exec(names)?.[1];
    const allTypes =
      braced?.split(',').every((name) => name.trim() === '' || name.trim().startsWith('type ')) ?? false;
    return { specifier: (match[3] ?? match[4])!, typeOnly: match[1] !== undefined || allTypes };
  });
}

/** The import specifiers in a file's source. */
export function importSpecifiers(source: string): string[] {
  return importStatements(source).map((statement) => statement.specifier);
}

/** Resolves a relative specifier to a project file, trying the extensions the project uses. */
export function resolveSpecifier(
  from: string,
  specifier: string,
  exists: (path: string) => boolean,
): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = normalize(join(dirname(from), specifier.split('?')[0]!)).replaceAll('\\', '/');
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) if (exists(candidate)) return candidate;
  return base;
}

/** The code of a file that imports: a .ts/.mjs file whole, an .astro file's frontmatter and scripts. */
export function readCode(path: string): string {
  return readFileSync(path, 'utf8');
}

/** A broken rule, with the file and import that break it. */
export interface LayerProblem {
  from: string;
  specifier: string;
  rule: string;
}

const BUILD_ONLY_SPECIFIER = /^(node:|astro:)|^astro\/(zod|loaders|config)$/;

/**
 * Checks every import against the rules:
 * - a file imports only from its own layer or a lower floor;
 * - nothing in src/ imports from tests/ or scripts/;
 * - code that runs in the browser (src/client and everything it reaches) never
 *   reaches build-only layers or Node and Astro built-ins.
 */
export function checkLayering(
  edges: readonly ImportEdge[],
  browserEntries: readonly string[],
): LayerProblem[] {
  const problems: LayerProblem[] = [];
  for (const edge of edges) {
    if (!edge.from.startsWith('src/') || edge.to === undefined) continue;
    if (edge.to.startsWith('tests/') || edge.to.startsWith('scripts/')) {
      problems.push({ ...edge, rule: 'site code imports test or script code' });
      continue;
    }
    const from = layerOf(edge.from);
    const to = layerOf(edge.to);
    if (!from || !to || from === to) continue;
    if (to.floor >= from.floor)
      problems.push({
        ...edge,
        rule: `${from.name} (floor ${from.floor}) imports upward from ${to.name} (floor ${to.floor})`,
      });
  }

  // Everything the browser entries reach, following project imports.
  const byFile = new Map<string, ImportEdge[]>();
  for (const edge of edges) byFile.set(edge.from, [...(byFile.get(edge.from) ?? []), edge]);
  const seen = new Set<string>();
  const queue = [...browserEntries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of byFile.get(file) ?? []) {
      if (edge.typeOnly) continue;
      if (BUILD_ONLY_SPECIFIER.test(edge.specifier)) {
        problems.push({ ...edge, rule: 'browser code reaches a Node or Astro build-time module' });
      } else if (edge.to !== undefined) {
        const layer = layerOf(edge.to);
        if (layer && !layer.browserSafe)
          problems.push({ ...edge, rule: `browser code reaches the build-only ${layer.name} layer` });
        else if (!edge.to.endsWith('.css')) queue.push(edge.to);
      }
    }
  }
  return problems;
}

/** Files under src/lib that nothing in the site imports: test tooling or dead code, neither belongs there. */
export function unusedLibFiles(edges: readonly ImportEdge[], libFiles: readonly string[]): string[] {
  const imported = new Set(edges.filter((edge) => !edge.from.startsWith('tests/')).map((edge) => edge.to));
  return libFiles.filter((file) => !imported.has(file));
}
