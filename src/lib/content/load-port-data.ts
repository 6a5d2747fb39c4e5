import { getCollection } from 'astro:content';
import { contentFiles, germanFiles } from './files';
import { assemblePortData } from './port-data';
import { checkGermanPortTexts, completeTexts, translatePortData, type GermanPortTexts } from './translations';
import { type PortData } from '../model';
import type { Lang } from '../../schemas/registries';
import { germanUiCheck } from './ui-texts';

let cached: Promise<{ data: PortData; german: GermanPortTexts }> | undefined;

/**
 * The port data in English and its German texts, assembled and checked once per
 * build. The German checks (content and interface texts) run whichever edition a
 * page asks for, so a missing German text fails every build, not only one that
 * renders a German page.
 */
function loadBothEditions(): Promise<{ data: PortData; german: GermanPortTexts }> {
  cached ??= (async () => {
    const [devices, endpoints, rules, deployments, deDevices, deEndpoints, deRules, deDeployments] =
      await Promise.all([
        getCollection('devices'),
        getCollection('endpoints'),
        getCollection('rules'),
        getCollection('deployments'),
        getCollection('deDevices'),
        getCollection('deEndpoints'),
        getCollection('deRules'),
        getCollection('deDeployments'),
      ]);
    const input = {
      devices: devices.map((entry) => entry.data),
      endpoints: endpoints.map((entry) => entry.data),
      rules: rules.map((entry) => entry.data),
      deployments: deployments.map((entry) => entry.data),
    };
    // English first: a German text is only worth checking against English content that is itself right.
    const data = assemblePortData(input, contentFiles);
    const contentCheck = checkGermanPortTexts(
      input,
      {
        devices: deDevices.map((entry) => entry.data),
        endpoints: deEndpoints.map((entry) => entry.data),
        rules: deRules.map((entry) => entry.data),
        deployments: deDeployments.map((entry) => entry.data),
      },
      contentFiles,
      germanFiles,
    );
    // The German interface texts too, so a gap there also fails every build; all gaps are listed at once.
    const german = completeTexts({
      problems: [...contentCheck.problems, ...germanUiCheck().problems],
      texts: contentCheck.texts,
    });
    return { data, german };
  })();
  return cached;
}

/** The port data every English page reads. */
export async function loadPortData(): Promise<PortData> {
  return (await loadBothEditions()).data;
}

/** The same port data with every text a reader sees in German, for the pages under /de/. */
export async function loadGermanPortData(): Promise<PortData> {
  const { data, german } = await loadBothEditions();
  return translatePortData(data, german);
}

/** The port data of a page's language. */
export function loadPortDataIn(lang: Lang): Promise<PortData> {
  return lang === 'de' ? loadGermanPortData() : loadPortData();
}
