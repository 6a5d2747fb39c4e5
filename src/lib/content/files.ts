/**
 * Where the content lives: the one place that knows the content files' names.
 * Messages about bad content name these paths, so an editor knows which file to open.
 */

/** The YAML file of each collection. */
export interface ContentFiles {
  devices: string;
  endpoints: string;
  rules: string;
  deployments: string;
  /** The changelog, which sets the data version. */
  changelog: string;
  /** "Calls failing?": symptoms, the rules behind them and the fixes. */
  troubleshooting: string;
}

/** The YAML file of each collection in a content folder. */
export function contentFilesIn(dir: string): ContentFiles {
  return {
    devices: `${dir}/devices.yaml`,
    endpoints: `${dir}/endpoints.yaml`,
    rules: `${dir}/rules.yaml`,
    deployments: `${dir}/deployments.yaml`,
    changelog: `${dir}/changelog.yaml`,
    troubleshooting: `${dir}/troubleshooting.yaml`,
  };
}

/** The project's own content, the default in messages when no folder is given. */
export const DEFAULT_CONTENT_FILES: ContentFiles = contentFilesIn('content');

/**
 * Folder of the content the build reads, relative to the project root. Tests
 * point it at deliberately broken fixtures to prove that bad data stops the build.
 */
const contentDir = process.env.PORT_CONTENT_DIR ?? 'content';

/** The files the build reads. */
export const contentFiles: ContentFiles = contentFilesIn(contentDir);

/** The German text files of a content folder: one per collection, in its `de/` folder. */
export function germanFilesIn(dir: string): ContentFiles {
  return contentFilesIn(`${dir}/de`);
}

/** The German files the build reads. */
export const germanFiles: ContentFiles = germanFilesIn(contentDir);

/** The German interface texts of a content folder (a mapping of key to text). */
function germanUiFileIn(dir: string): string {
  return `${dir}/de/ui.yaml`;
}

/** The German interface texts the build reads. */
export const germanUiFile: string = germanUiFileIn(contentDir);
