import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import type { Loader } from 'astro/loaders';
import { ContentError, describeProblem } from './content-error';
import { parseYamlRecords } from './yaml-records';

/**
 * The shape each entry is stored in: the validated record plus its position in
 * the file, because `getCollection` returns entries sorted by id, not file order.
 */
export function positioned<S extends z.ZodType>(schema: S) {
  return z.strictObject({ position: z.number().int().nonnegative(), record: schema });
}

export interface StrictYamlLoaderOptions<S extends z.ZodType> {
  /** Path of the YAML file, relative to the project root. */
  path: string;
  /** What one entry is called in error messages, e.g. "rule". */
  entryLabel: string;
  schema: S;
}

/**
 * A content loader for a YAML list of records. It fails the build on any problem
 * (see {@link parseYamlRecords}) where Astro's `file()` loader would only log it.
 * The return type names the stored schema, so `getCollection` gives typed entries
 * instead of `any`.
 */
export function strictYamlLoader<S extends z.ZodType>({
  path,
  entryLabel,
  schema,
}: StrictYamlLoaderOptions<S>): Loader & { schema: ReturnType<typeof positioned<S>> } {
  return {
    name: 'strict-yaml-loader',
    schema: positioned(schema),
    async load(context) {
      // `parseData` is declared as a method, so it is called on the context: taken out of
      // it, the call would work only as long as Astro's implementation never reads `this`.
      const { config, store, watcher } = context;
      const root = fileURLToPath(config.root);
      const absolute = resolve(root, path);
      const file = relative(root, absolute).split('\\').join('/');
      let text: string;
      try {
        text = await readFile(absolute, 'utf8');
      } catch (error) {
        throw new ContentError(describeProblem({ file }, `cannot be read (${(error as Error).message})`));
      }
      const records = parseYamlRecords(text, { file, entryLabel, schema });
      store.clear();
      for (const { id, position, raw } of records) {
        const data = await context.parseData({ id, data: { position, record: raw }, filePath: file });
        store.set({ id, data, filePath: file });
      }
      watcher?.add(absolute);
    },
  };
}
