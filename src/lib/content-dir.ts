import { contentFilesIn, type PortDataFiles } from './port-data';

/**
 * Folder of the port data, relative to the project root. Tests point it at
 * deliberately broken fixtures to prove that bad data stops the build.
 */
export const contentDir = process.env.PORT_CONTENT_DIR ?? 'content';

/** The YAML file of each collection. */
export const contentFiles: PortDataFiles = contentFilesIn(contentDir);

/** The changelog, which sets the data version (kept apart from the port data files). */
export const changelogFile = `${contentDir}/changelog.yaml`;
